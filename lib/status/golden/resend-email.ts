// Resend email events as they really come: sent (or scheduled) → delivery_delayed → delivered | bounced |
// failed | suppressed, with opens, clicks and complaints afterwards — sometimes weeks later. Every event
// carries its created_at; Resend retries a delivery (same svix-id) for about a day and keeps no order.
import { at, resend, type GoldenRow } from "./row";

const DAY = 24 * 60;
const open = resend("opened", 5, { deliveryId: "msg_open" });

export const EMAIL_ROWS: GoldenRow[] = [
  {
    name: "in order: sent, delivered, opened, clicked",
    events: [resend("sent", 0), resend("delivered", 1), resend("opened", 30), resend("clicked", 31)],
    expect: {
      status: "delivered",
      statusAt: at(1),
      sentAt: at(0),
      deliveredAt: at(1),
      firstOpenedAt: at(30),
      firstClickedAt: at(31),
      openCount: 1,
      clickCount: 1,
    },
  },
  {
    name: "delivered arrives before sent",
    events: [resend("delivered", 1), resend("sent", 0)],
    expect: { status: "delivered", statusAt: at(1), sentAt: at(0), deliveredAt: at(1) },
  },
  {
    name: "delayed, then delivered an hour later",
    events: [resend("sent", 0), resend("delivery_delayed", 10), resend("delivered", 60)],
    expect: { status: "delivered", statusAt: at(60), sentAt: at(0), deliveredAt: at(60) },
  },
  {
    name: "a delay report that arrives after delivery never moves it back",
    events: [resend("sent", 0), resend("delivered", 60), resend("delivery_delayed", 10)],
    expect: { status: "delivered", statusAt: at(60), sentAt: at(0), deliveredAt: at(60) },
  },
  {
    name: "a delay report dated after the delivery still never moves it back",
    events: [resend("delivered", 60), resend("delivery_delayed", 70)],
    expect: { status: "delivered", statusAt: at(60), deliveredAt: at(60) },
  },
  {
    name: "delivery_delayed alone is not final",
    events: [resend("sent", 0), resend("delivery_delayed", 10)],
    expect: { status: "delivery_delayed", statusAt: at(10), sentAt: at(0) },
  },
  {
    name: "a hard bounce",
    events: [
      resend("sent", 0),
      resend("bounced", 1, {
        bounceType: "Permanent",
        bounceSubType: "General",
        errorMessage: "The recipient's mailbox does not exist",
      }),
    ],
    expect: {
      status: "bounced",
      statusAt: at(1),
      sentAt: at(0),
      bouncedAt: at(1),
      bounceType: "Permanent",
      bounceSubType: "General",
      errorMessage: "The recipient's mailbox does not exist",
    },
  },
  {
    name: "delivered, then bounced later: the later event wins, delivery stays dated",
    events: [
      resend("sent", 0),
      resend("delivered", 1),
      resend("bounced", 2, { bounceType: "Permanent", bounceSubType: "Suppressed" }),
    ],
    expect: {
      status: "bounced",
      statusAt: at(2),
      sentAt: at(0),
      deliveredAt: at(1),
      bouncedAt: at(2),
      bounceType: "Permanent",
      bounceSubType: "Suppressed",
    },
  },
  {
    name: "a bounce, then a later delivery: delivered, without the bounce details",
    events: [
      resend("bounced", 1, { bounceType: "Temporary", bounceSubType: "MailboxFull" }),
      resend("delivered", 5),
    ],
    expect: { status: "delivered", statusAt: at(5), deliveredAt: at(5), bouncedAt: at(1) },
  },
  {
    name: "delivered and bounced at the same time: bounced",
    events: [resend("bounced", 3, { bounceType: "Permanent" }), resend("delivered", 3)],
    expect: {
      status: "bounced",
      statusAt: at(3),
      deliveredAt: at(3),
      bouncedAt: at(3),
      bounceType: "Permanent",
    },
  },
  {
    name: "suppressed and delivered at the same time: suppressed",
    events: [resend("delivered", 3), resend("suppressed", 3)],
    expect: { status: "suppressed", statusAt: at(3), deliveredAt: at(3), failedAt: at(3) },
  },
  {
    name: "failed and suppressed at the same time: failed",
    events: [resend("failed", 3, { errorMessage: "reached_daily_quota" }), resend("suppressed", 3)],
    expect: { status: "failed", statusAt: at(3), failedAt: at(3), errorMessage: "reached_daily_quota" },
  },
  {
    name: "on the suppression list: suppressed",
    events: [resend("suppressed", 0)],
    expect: { status: "suppressed", statusAt: at(0), failedAt: at(0) },
  },
  {
    name: "opened but never reported delivered: delivered, dated by the open",
    events: [resend("sent", 0), resend("opened", 5)],
    expect: {
      status: "delivered",
      statusAt: at(5),
      sentAt: at(0),
      deliveredAt: at(5),
      firstOpenedAt: at(5),
      openCount: 1,
    },
  },
  {
    name: "clicked before opened (images blocked): delivered, dated by the click",
    events: [resend("sent", 0), resend("clicked", 7), resend("opened", 9)],
    expect: {
      status: "delivered",
      statusAt: at(7),
      sentAt: at(0),
      deliveredAt: at(7),
      firstOpenedAt: at(9),
      firstClickedAt: at(7),
      openCount: 1,
      clickCount: 1,
    },
  },
  {
    name: "the delivered event dates the delivery even when the open came first",
    events: [resend("opened", 5), resend("delivered", 2)],
    expect: {
      status: "delivered",
      statusAt: at(2),
      deliveredAt: at(2),
      firstOpenedAt: at(5),
      openCount: 1,
    },
  },
  {
    name: "a complaint two weeks later",
    events: [resend("sent", 0), resend("delivered", 1), resend("complained", 14 * DAY)],
    expect: {
      status: "delivered",
      statusAt: at(1),
      sentAt: at(0),
      deliveredAt: at(1),
      complainedAt: at(14 * DAY),
    },
  },
  {
    name: "a complaint alone proves delivery",
    events: [resend("complained", 50)],
    expect: { status: "delivered", statusAt: at(50), deliveredAt: at(50), complainedAt: at(50) },
  },
  {
    name: "opened after a hard bounce: the bounce stays, delivery is dated",
    events: [resend("bounced", 1, { bounceType: "Permanent" }), resend("opened", 2)],
    expect: {
      status: "bounced",
      statusAt: at(1),
      bouncedAt: at(1),
      deliveredAt: at(2),
      firstOpenedAt: at(2),
      openCount: 1,
      bounceType: "Permanent",
    },
  },
  {
    name: "Resend retries an open (same svix-id): two opens, not three",
    events: [resend("delivered", 1), open, { ...open, receivedAt: at(65) }, resend("opened", 9)],
    expect: {
      status: "delivered",
      statusAt: at(1),
      deliveredAt: at(1),
      firstOpenedAt: at(5),
      openCount: 2,
    },
  },
  {
    name: "scheduled, then sent",
    events: [resend("scheduled", 0), resend("sent", 10)],
    expect: { status: "sent", statusAt: at(10), sentAt: at(10) },
  },
  {
    name: "scheduled and sent at the same time: sent",
    events: [resend("sent", 0), resend("scheduled", 0)],
    expect: { status: "sent", statusAt: at(0), sentAt: at(0) },
  },
  {
    name: "two bounces at the same time: the greater delivery id decides the details",
    events: [
      resend("bounced", 3, { deliveryId: "msg_b", bounceType: "Permanent", bounceSubType: "General" }),
      resend("bounced", 3, { deliveryId: "msg_a", bounceType: "Temporary", bounceSubType: "MailboxFull" }),
    ],
    expect: {
      status: "bounced",
      statusAt: at(3),
      bouncedAt: at(3),
      bounceType: "Permanent",
      bounceSubType: "General",
    },
  },
  {
    name: "an event without a time of its own loses to one with a time",
    events: [
      resend("delivered", 0, { occurredAt: null, receivedAt: at(9) }),
      resend("bounced", 2, { bounceType: "Permanent" }),
    ],
    expect: {
      status: "bounced",
      statusAt: at(2),
      deliveredAt: at(9),
      bouncedAt: at(2),
      bounceType: "Permanent",
    },
  },
  {
    name: "an inbound email never touches an outbound message",
    events: [resend("received", 3)],
    expect: { status: "registered" },
  },
];
