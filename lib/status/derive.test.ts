import { describe, expect, it } from "vitest";
import {
  applyEvent,
  createMessageState,
  deriveMessageState,
  isTerminal,
  statusRank,
  type StatusEvent,
} from "./derive";

const at = (minute: number) => new Date(Date.UTC(2026, 1, 22, 23, minute));
let nextId = 0;
// Twilio sends no event time: SMS events carry only our arrival time.
const sms = (status: string, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  status,
  occurredAt: null,
  deliveryId: `tw-${nextId++}`,
  ...extra,
});
const email = (status: string, minute: number, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  status,
  occurredAt: at(minute),
  deliveryId: `msg_${nextId++}`,
  ...extra,
});

describe("deriveMessageState: SMS", () => {
  it("[SMS][EMPTY] a message with no events is registered, rank 0", () => {
    const state = deriveMessageState("sms", []);
    expect(state).toMatchObject({ status: "registered", statusRank: 0, statusAt: null, openCount: 0 });
    expect(state).toEqual(createMessageState());
  });

  it("[SMS][LATE] a late sent after delivered changes nothing", () => {
    const delivered = sms("delivered", { receivedAt: at(2) });
    const state = deriveMessageState("sms", [
      sms("sent", { receivedAt: at(1) }),
      delivered,
      sms("sent", { receivedAt: at(3) }),
    ]);
    expect(state).toMatchObject({ status: "delivered", statusAt: at(2), sentAt: at(1), deliveredAt: at(2) });
  });

  it("[SMS][TIE] equal rank without event time: delivered > undelivered > failed > canceled", () => {
    const pairs: Array<[string, string]> = [
      ["delivered", "undelivered"],
      ["undelivered", "failed"],
      ["failed", "canceled"],
    ];
    for (const [stronger, weaker] of pairs) {
      expect(deriveMessageState("sms", [sms(weaker), sms(stronger)]).status).toBe(stronger);
      expect(deriveMessageState("sms", [sms(stronger), sms(weaker)]).status).toBe(stronger);
    }
  });

  it("[SMS][TIE] same status twice: the greatest delivery id decides the error shown", () => {
    const a = sms("undelivered", { deliveryId: "a", errorCode: "30003" });
    const b = sms("undelivered", { deliveryId: "b", errorCode: "30005" });
    expect(deriveMessageState("sms", [b, a]).errorCode).toBe("30005");
    expect(deriveMessageState("sms", [a, b]).errorCode).toBe("30005");
  });

  it("[SMS][ERROR] the failing event that decides the status supplies the error and failedAt", () => {
    const state = deriveMessageState("sms", [
      sms("sent", { receivedAt: at(1) }),
      sms("undelivered", {
        receivedAt: at(4),
        errorCode: "30003",
        errorMessage: "Unreachable destination handset",
      }),
    ]);
    expect(state).toMatchObject({
      status: "undelivered",
      errorCode: "30003",
      failedAt: at(4),
      statusAt: at(4),
    });
    expect(isTerminal("sms", state.status)).toBe(true);
  });

  it("[SMS][ERROR] a status that is not a failure shows no error, even if a failure was reported too", () => {
    const state = deriveMessageState("sms", [sms("undelivered", { errorCode: "30003" }), sms("delivered")]);
    expect(state).toMatchObject({ status: "delivered", errorCode: null });
  });

  it("[SMS][READ] read outranks delivered and implies delivery when no delivered callback came", () => {
    expect(
      deriveMessageState("sms", [
        sms("read", { receivedAt: at(5) }),
        sms("delivered", { receivedAt: at(3) }),
      ]),
    ).toMatchObject({ status: "read", deliveredAt: at(3) });
    expect(deriveMessageState("sms", [sms("sent"), sms("read", { receivedAt: at(5) })])).toMatchObject({
      status: "read",
      deliveredAt: at(5),
    });
  });

  it("[SMS][INBOUND] receiving/received and unknown statuses never change an outbound message", () => {
    const state = deriveMessageState("sms", [sms("sent"), sms("received"), sms("receiving"), sms("mystery")]);
    expect(state.status).toBe("sent");
  });

  it("[SMS][DUP] a repeated delivery id has no second effect: its first arrival counts", () => {
    const sent = sms("sent", { receivedAt: at(2) });
    const state = deriveMessageState("sms", [{ ...sent, receivedAt: at(9) }, sent, { ...sent }]);
    expect(state).toMatchObject({ status: "sent", sentAt: at(2), statusAt: at(2) });
  });
});

describe("deriveMessageState: email", () => {
  it("[EMAIL][FORWARD] delivered after delivery_delayed moves forward; delayed after delivered does not", () => {
    expect(
      deriveMessageState("email", [email("sent", 0), email("delivery_delayed", 10), email("delivered", 30)]),
    ).toMatchObject({
      status: "delivered",
      statusRank: statusRank("email", "delivered"),
      deliveredAt: at(30),
    });
    expect(deriveMessageState("email", [email("delivered", 30), email("delivery_delayed", 40)]).status).toBe(
      "delivered",
    );
    expect(deriveMessageState("email", [email("delivered", 2), email("sent", 1)]).status).toBe("delivered");
  });

  it("[EMAIL][TIME] at equal rank the later event wins, whatever the arrival order", () => {
    const delivered = email("delivered", 1);
    const bounced = email("bounced", 2, { bounceType: "Permanent", bounceSubType: "General" });
    for (const events of [
      [delivered, bounced],
      [bounced, delivered],
    ]) {
      expect(deriveMessageState("email", events)).toMatchObject({
        status: "bounced",
        bounceType: "Permanent",
        bouncedAt: at(2),
        deliveredAt: at(1),
      });
    }
    expect(deriveMessageState("email", [email("delivered", 5), email("bounced", 2)]).status).toBe(
      "delivered",
    );
  });

  it("[EMAIL][TIE] same time: bounced > failed > suppressed > delivered", () => {
    const order = ["bounced", "failed", "suppressed", "delivered"];
    for (let i = 0; i < order.length - 1; i += 1) {
      const events = [email(order[i + 1], 7), email(order[i], 7)];
      expect(deriveMessageState("email", events).status).toBe(order[i]);
      expect(deriveMessageState("email", events.reverse()).status).toBe(order[i]);
    }
  });

  it("[EMAIL][ENGAGEMENT] an open implies delivery, dated by the earliest engagement", () => {
    const state = deriveMessageState("email", [email("sent", 0), email("opened", 20), email("clicked", 15)]);
    expect(state).toMatchObject({
      status: "delivered",
      statusAt: at(15),
      deliveredAt: at(15),
      firstOpenedAt: at(20),
      firstClickedAt: at(15),
      openCount: 1,
      clickCount: 1,
      errorCode: null,
    });
  });

  it("[EMAIL][ENGAGEMENT] a delivered event dates delivery even when an open came first", () => {
    expect(deriveMessageState("email", [email("opened", 3), email("delivered", 4)]).deliveredAt).toEqual(
      at(4),
    );
  });

  it("[EMAIL][ENGAGEMENT] engagement never replaces a terminal status", () => {
    const state = deriveMessageState("email", [
      email("bounced", 1, { bounceType: "Permanent" }),
      email("opened", 2),
    ]);
    expect(state).toMatchObject({ status: "bounced", deliveredAt: at(2), openCount: 1 });
  });

  it("[EMAIL][COMPLAINT] a complaint is dated and implies delivery", () => {
    const state = deriveMessageState("email", [email("delivered", 1), email("complained", 50)]);
    expect(state).toMatchObject({ status: "delivered", complainedAt: at(50), deliveredAt: at(1) });
    expect(deriveMessageState("email", [email("complained", 50)]).status).toBe("delivered");
  });

  it("[EMAIL][COUNTS] opens and clicks count distinct deliveries", () => {
    const open = email("opened", 5);
    const click = email("clicked", 8);
    const state = deriveMessageState("email", [
      open,
      { ...open },
      { ...open, receivedAt: at(30) },
      email("opened", 6),
      email("clicked", 7),
      click,
      { ...click },
    ]);
    expect(state).toMatchObject({ openCount: 2, clickCount: 2, firstOpenedAt: at(5), firstClickedAt: at(7) });
  });

  it("[EMAIL][INBOUND] email.received never touches an outbound message", () => {
    expect(deriveMessageState("email", [email("received", 3)]).status).toBe("registered");
  });
});

describe("applyEvent, isTerminal, statusRank", () => {
  it("[APPLY] folds to the same state as derive and does not mutate its input", () => {
    const events = [email("opened", 9), email("delivered", 4), email("sent", 1)];
    const start = createMessageState();
    const folded = events.reduce((state, event) => applyEvent(state, "email", event), start);
    expect(folded).toEqual(deriveMessageState("email", events));
    expect(start).toEqual(createMessageState());
  });

  it("[APPLY] an event that cannot change anything returns the same state object", () => {
    const state = deriveMessageState("sms", [sms("sent")]);
    expect(applyEvent(state, "sms", sms("received"))).toBe(state);
    expect(applyEvent(state, "sms", sms("mystery"))).toBe(state);
  });

  it("[RANK] ranks follow the provider lifecycle; engagement and inbound have none", () => {
    expect(statusRank("sms", "registered")).toBe(0);
    expect(statusRank("sms", "queued")).toBeLessThan(statusRank("sms", "sending") as number);
    expect(statusRank("sms", "sent")).toBeLessThan(statusRank("sms", "undelivered") as number);
    expect(statusRank("sms", "delivered")).toBeLessThan(statusRank("sms", "read") as number);
    expect(statusRank("email", "scheduled")).toBe(statusRank("email", "sent"));
    expect(statusRank("email", "delivery_delayed")).toBeLessThan(statusRank("email", "bounced") as number);
    expect(statusRank("email", "opened")).toBeNull();
    expect(statusRank("sms", "received")).toBeNull();
    expect(statusRank("sms", "constructor")).toBeNull();
  });

  it("[TERMINAL] sent is not terminal; delivery outcomes are", () => {
    expect(isTerminal("sms", "sent")).toBe(false);
    expect(isTerminal("sms", "partially_delivered")).toBe(true);
    expect(isTerminal("sms", "read")).toBe(true);
    expect(isTerminal("email", "delivery_delayed")).toBe(false);
    expect(isTerminal("email", "suppressed")).toBe(true);
    expect(isTerminal("email", "registered")).toBe(false);
  });
});
