// Twilio SMS status callbacks as they really come: queued → sending → sent → delivered | undelivered, or
// failed before leaving Twilio; accepted/scheduled first with a Messaging Service; canceled after a
// schedule; read after delivered (WhatsApp). Each callback is its own request with its own idempotency
// token, in no guaranteed order. Twilio sends no event time, so milestones are dated by arrival.
import { at, twilio, type GoldenRow } from "./row";

const sentRetry = twilio("sent", 1, { deliveryId: "idem-sent" });

export const SMS_ROWS: GoldenRow[] = [
  { name: "no callback yet: registered", events: [], expect: { status: "registered" } },
  {
    name: "in order, without a Messaging Service",
    events: [twilio("queued", 1), twilio("sending", 2), twilio("sent", 3), twilio("delivered", 4)],
    expect: { status: "delivered", statusAt: at(4), sentAt: at(3), deliveredAt: at(4) },
  },
  {
    name: "a Messaging Service: accepted, queued, sending, sent, delivered",
    events: [
      twilio("accepted", 1),
      twilio("queued", 2),
      twilio("sending", 3),
      twilio("sent", 4),
      twilio("delivered", 5),
    ],
    expect: { status: "delivered", statusAt: at(5), sentAt: at(4), deliveredAt: at(5) },
  },
  {
    name: "a late sent after delivered changes nothing but dates sentAt",
    events: [twilio("delivered", 2), twilio("sent", 3)],
    expect: { status: "delivered", statusAt: at(2), sentAt: at(3), deliveredAt: at(2) },
  },
  {
    name: "every callback out of order",
    events: [twilio("delivered", 1), twilio("sending", 2), twilio("queued", 3), twilio("sent", 4)],
    expect: { status: "delivered", statusAt: at(1), sentAt: at(4), deliveredAt: at(1) },
  },
  {
    name: "Twilio retries sent (same token) after delivered: the first arrival counts",
    events: [sentRetry, twilio("delivered", 2), { ...sentRetry, receivedAt: at(5) }],
    expect: { status: "delivered", statusAt: at(2), sentAt: at(1), deliveredAt: at(2) },
  },
  {
    name: "no delivery receipt from the carrier: sent is the last word",
    events: [twilio("queued", 1), twilio("sending", 2), twilio("sent", 3)],
    expect: { status: "sent", statusAt: at(3), sentAt: at(3) },
  },
  {
    name: "queued after sending does not move it back",
    events: [twilio("sending", 1), twilio("queued", 2)],
    expect: { status: "sending", statusAt: at(1) },
  },
  {
    name: "undelivered: the handset is unreachable",
    events: [twilio("queued", 1), twilio("sent", 2), twilio("undelivered", 3, { errorCode: "30003" })],
    expect: { status: "undelivered", statusAt: at(3), sentAt: at(2), failedAt: at(3), errorCode: "30003" },
  },
  {
    name: "failed: the message never left Twilio",
    events: [twilio("queued", 1), twilio("failed", 2, { errorCode: "30001" })],
    expect: { status: "failed", statusAt: at(2), failedAt: at(2), errorCode: "30001" },
  },
  {
    name: "a scheduled send canceled",
    events: [twilio("scheduled", 1), twilio("canceled", 2)],
    expect: { status: "canceled", statusAt: at(2) },
  },
  {
    name: "WhatsApp: read after delivered",
    events: [twilio("sent", 1), twilio("delivered", 2), twilio("read", 3)],
    expect: { status: "read", statusAt: at(3), sentAt: at(1), deliveredAt: at(2) },
  },
  {
    name: "a read receipt without a delivered callback proves delivery",
    events: [twilio("sent", 1), twilio("read", 3)],
    expect: { status: "read", statusAt: at(3), sentAt: at(1), deliveredAt: at(3) },
  },
  {
    name: "a delivered callback after the read receipt dates the delivery",
    events: [twilio("sent", 1), twilio("read", 3), twilio("delivered", 4)],
    expect: { status: "read", statusAt: at(3), sentAt: at(1), deliveredAt: at(4) },
  },
  {
    name: "undelivered and delivered both reported: delivered, without the error",
    events: [twilio("undelivered", 1, { errorCode: "30003" }), twilio("delivered", 2)],
    expect: { status: "delivered", statusAt: at(2), deliveredAt: at(2), failedAt: at(1) },
  },
  {
    name: "delivered first, then undelivered: still delivered",
    events: [twilio("delivered", 1), twilio("undelivered", 2, { errorCode: "30003" })],
    expect: { status: "delivered", statusAt: at(1), deliveredAt: at(1), failedAt: at(2) },
  },
  {
    name: "failed and undelivered: undelivered, with its own code",
    events: [twilio("undelivered", 1, { errorCode: "30003" }), twilio("failed", 2, { errorCode: "30001" })],
    expect: { status: "undelivered", statusAt: at(1), failedAt: at(1), errorCode: "30003" },
  },
  {
    name: "canceled and failed: failed",
    events: [twilio("failed", 1, { errorCode: "30001" }), twilio("canceled", 2)],
    expect: { status: "failed", statusAt: at(1), failedAt: at(1), errorCode: "30001" },
  },
  {
    name: "partially delivered, then delivered: delivered",
    events: [twilio("partially_delivered", 1), twilio("delivered", 2)],
    expect: { status: "delivered", statusAt: at(2), deliveredAt: at(2) },
  },
  {
    name: "partially delivered beats undelivered",
    events: [twilio("partially_delivered", 1), twilio("undelivered", 2, { errorCode: "30003" })],
    expect: { status: "partially_delivered", statusAt: at(1), failedAt: at(2) },
  },
  {
    name: "accepted and queued: queued",
    events: [twilio("queued", 1), twilio("accepted", 2)],
    expect: { status: "queued", statusAt: at(1) },
  },
  {
    name: "two undelivered reports with different codes: the greater token decides the code",
    events: [
      twilio("undelivered", 1, { deliveryId: "idem-b", errorCode: "30005" }),
      twilio("undelivered", 2, { deliveryId: "idem-a", errorCode: "30003" }),
    ],
    expect: { status: "undelivered", statusAt: at(1), failedAt: at(1), errorCode: "30005" },
  },
  {
    name: "inbound statuses and unknown names change nothing",
    events: [twilio("sent", 1), twilio("received", 2), twilio("receiving", 3), twilio("mystery", 4)],
    expect: { status: "sent", statusAt: at(1), sentAt: at(1) },
  },
];
