// Which of our messages a provider event belongs to, end to end through the signed webhook routes and the
// sender API, on every target: the mapping table (database), our id travelling with the send (embedded),
// the one message sent to the same recipient around the event's time (timestamp), unmatched events kept
// and linked once the message or its provider id is known, and the strict 404 mode.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { testTargets } from "../support/databases";
import {
  BASE_ENV,
  api,
  newEmail,
  newEmailId,
  newPhone,
  newSid,
  postEmail,
  postSms,
  useMessagesHarness,
  type Loose,
} from "./harness";

describe.each(testTargets)("message mapping (%s)", (target) => {
  const h = useMessagesHarness(target);

  async function register(body: Record<string, unknown>): Promise<Loose> {
    const r = await api.register(body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  async function message(id: string): Promise<Loose> {
    const r = await api.get(id);
    expect(r.status).toBe(200);
    return r.body;
  }

  async function mappingOf(provider: string, externalId: string): Promise<string | null> {
    const row = await h.db.prisma.messageExternalId.findUnique({
      where: { provider_externalId: { provider, externalId } },
    });
    return row?.messageId ?? null;
  }

  describe("database (default)", () => {
    it("matches by the provider id the sender registered", async () => {
      const sid = newSid();
      const to = newPhone();
      const m = await register({ channel: "sms", to, externalId: sid });
      expect(await postSms({ sid, to, status: "sent" })).toMatchObject({ status: 200, outcome: "accepted" });
      expect(await postSms({ sid, to, status: "delivered" })).toMatchObject({
        status: 200,
        outcome: "accepted",
      });
      const d = await message(m.id);
      expect(d.status).toBe("delivered");
      expect(d.timeline.map((e: Loose) => e.status)).toEqual(["sent", "delivered"]);
      const rows = await h.db.prisma.webhookRequest.findMany();
      expect(rows.every((r) => r.messageId === m.id && r.outcome === "accepted")).toBe(true);
    });

    it("keeps an event for an unknown message as unmatched; registering the message links it and recomputes the status", async () => {
      const sid = newSid();
      const to = newPhone();
      const sent = await postSms({ sid, to, status: "sent" });
      const delivered = await postSms({ sid, to, status: "delivered" });
      expect([sent, delivered].map((a) => [a.status, a.outcome])).toEqual([
        [200, "unmatched"],
        [200, "unmatched"],
      ]);

      const unmatched = await api.unmatched();
      expect(unmatched.status).toBe(200);
      expect(
        unmatched.body.items.map((e: Loose) => [e.provider, e.externalId, e.status, e.to, e.requestId]),
      ).toEqual([
        ["twilio", sid, "delivered", to, delivered.requestId],
        ["twilio", sid, "sent", to, sent.requestId],
      ]);
      expect((await api.unmatched(`externalId=${sid}&provider=twilio`)).body.items).toHaveLength(2);
      expect((await api.unmatched("provider=resend")).body.items).toHaveLength(0);

      // The 201 already shows the status the earlier events give.
      const m = await register({ channel: "sms", to, externalId: sid });
      expect(m.status).toBe("delivered");
      expect(m.timeline.map((e: Loose) => [e.status, e.late])).toEqual([
        ["sent", false],
        ["delivered", false],
      ]);
      expect((await api.unmatched()).body.items).toEqual([]);
      const requests = await h.db.prisma.webhookRequest.findMany({ select: { messageId: true } });
      expect(requests.every((r) => r.messageId === m.id)).toBe(true);

      // Later events match directly.
      expect((await postSms({ sid, to, status: "read" })).outcome).toBe("accepted");
      expect((await message(m.id)).status).toBe("read");
    });

    it("adding the provider id later links the events that came first", async () => {
      const emailId = newEmailId();
      const to = newEmail();
      const m = await register({ channel: "email", to });
      const t = Date.now() - 60_000;
      expect(
        (await postEmail({ emailId, to, type: "delivered", createdAt: new Date(t + 2000) })).outcome,
      ).toBe("unmatched");
      expect((await postEmail({ emailId, to, type: "sent", createdAt: new Date(t) })).outcome).toBe(
        "unmatched",
      );
      expect((await postEmail({ emailId, to, type: "opened", createdAt: new Date(t + 9000) })).outcome).toBe(
        "unmatched",
      );
      expect((await message(m.id)).status).toBe("registered");

      const added = await api.addExternalId(m.id, { provider: "resend", externalId: emailId });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ created: true, linkedEvents: 3 });
      const d = await message(m.id);
      expect(d).toMatchObject({
        status: "delivered",
        engagement: { openCount: 1, firstOpenedAt: new Date(t + 9000).toISOString() },
      });
      expect(d.milestones.deliveredAt).toBe(new Date(t + 2000).toISOString());
      expect((await api.unmatched()).body.items).toEqual([]);
      // Saying it again links nothing more.
      expect((await api.addExternalId(m.id, { provider: "resend", externalId: emailId })).body).toMatchObject(
        { created: false, linkedEvents: 0 },
      );

      const stats = await h.db.prisma.messageStat.findMany();
      const sum = (metric: string) =>
        stats.filter((s) => s.metric === metric).reduce((n, s) => n + Number(s.count), 0);
      expect({
        registered: sum("registered"),
        delivered: sum("delivered"),
        opened: sum("opened"),
        total: sum("total"),
      }).toEqual({ registered: 0, delivered: 1, opened: 1, total: 1 });
    });

    it("a batch registration links each message's earlier events", async () => {
      const sids = [newSid(), newSid(), newSid()];
      const tos = [newPhone(), newPhone(), newPhone()];
      await postSms({ sid: sids[0], to: tos[0], status: "delivered" });
      await postSms({ sid: sids[1], to: tos[1], status: "undelivered", errorCode: "30003" });
      const r = await api.batch({
        messages: sids.map((sid, i) => ({ channel: "sms", to: tos[i], externalId: sid })),
      });
      expect(r.body.created).toBe(3);
      const statuses = await Promise.all(r.body.items.map((i: Loose) => message(i.id)));
      expect(statuses.map((m) => [m.status, m.error?.code ?? null])).toEqual([
        ["delivered", null],
        ["undelivered", "30003"],
        ["registered", null],
      ]);
    });
  });

  describe("embedded", () => {
    it("Twilio: our id in the signed callback URL matches without a mapping, and the mapping is saved", async () => {
      h.configure({ ...BASE_ENV, MESSAGE_ID_MAPPING_STRATEGY: "embedded" });
      const to = newPhone();
      const m = await register({ channel: "sms", to });
      const sid = newSid();
      expect(await postSms({ sid, to, status: "sent", query: `message_id=${m.id}` })).toMatchObject({
        status: 200,
        outcome: "accepted",
      });
      expect(await mappingOf("twilio", sid)).toBe(m.id);
      // A callback without the parameter now matches through the saved mapping.
      expect((await postSms({ sid, to, status: "delivered" })).outcome).toBe("accepted");
      const d = await message(m.id);
      expect(d.status).toBe("delivered");
      expect(d.externalIds).toEqual([expect.objectContaining({ provider: "twilio", externalId: sid })]);
    });

    it("Resend: a message_id tag with our id matches without a mapping, and the mapping is saved", async () => {
      h.configure({ ...BASE_ENV, MESSAGE_ID_MAPPING_STRATEGY: "embedded" });
      const to = newEmail();
      const m = await register({ channel: "email", to });
      const emailId = newEmailId();
      expect(
        (await postEmail({ emailId, to, type: "delivered", tags: { message_id: m.id, category: "welcome" } }))
          .outcome,
      ).toBe("accepted");
      expect(await mappingOf("resend", emailId)).toBe(m.id);
      expect((await postEmail({ emailId, to, type: "opened" })).outcome).toBe("accepted");
      expect((await message(m.id)).engagement.openCount).toBe(1);
      // Tags as Resend sends them when they were given as a list.
      const m2 = await register({ channel: "email", to });
      const emailId2 = newEmailId();
      const listTags = await postEmail({
        emailId: emailId2,
        to,
        type: "sent",
        data: { tags: [{ name: "message_id", value: m2.id }] },
      });
      expect(listTags.outcome).toBe("accepted");
      expect(await mappingOf("resend", emailId2)).toBe(m2.id);
    });

    it("does not trust an embedded id that is unknown, malformed or of the other channel", async () => {
      h.configure({ ...BASE_ENV, MESSAGE_ID_MAPPING_STRATEGY: "embedded" });
      const mail = await register({ channel: "email", to: newEmail() });
      const to = newPhone();
      for (const query of [
        `message_id=${mail.id}`,
        "message_id=00000000-0000-4000-8000-000000000000",
        "message_id=42",
        "message_id=",
      ]) {
        const sid = newSid();
        expect((await postSms({ sid, to, status: "delivered", query })).outcome, query).toBe("unmatched");
        expect(await mappingOf("twilio", sid)).toBeNull();
      }
      expect((await message(mail.id)).status).toBe("registered");
    });

    it("an embedded event that came before the provider id was known links the earlier unmatched ones", async () => {
      h.configure({ ...BASE_ENV, MESSAGE_ID_MAPPING_STRATEGY: "embedded" });
      const to = newPhone();
      const m = await register({ channel: "sms", to });
      const sid = newSid();
      // A callback from a URL without our id (e.g. a Messaging Service default callback) comes first.
      expect((await postSms({ sid, to, status: "sent" })).outcome).toBe("unmatched");
      expect((await postSms({ sid, to, status: "delivered", query: `message_id=${m.id}` })).outcome).toBe(
        "accepted",
      );
      const d = await message(m.id);
      expect(d.timeline.map((e: Loose) => e.status)).toEqual(["sent", "delivered"]);
      expect((await api.unmatched()).body.items).toEqual([]);
    });
  });

  describe("timestamp", () => {
    const WINDOW = 600;
    const useTimestamp = () =>
      h.configure({
        ...BASE_ENV,
        MESSAGE_ID_MAPPING_STRATEGY: "timestamp",
        TIMESTAMP_MATCHING_WINDOW: String(WINDOW),
      });

    it("matches the one message of the same channel and recipient sent within the window, and saves the mapping", async () => {
      useTimestamp();
      const to = newPhone();
      const m = await register({
        channel: "sms",
        to: to.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "+1 ($1) $2-$3"),
        sentAt: new Date(Date.now() - 120_000).toISOString(),
      });
      // Other channel, other recipient, outside the window: never candidates.
      await register({ channel: "sms", to: newPhone(), sentAt: new Date().toISOString() });
      await register({
        channel: "sms",
        to,
        sentAt: new Date(Date.now() - (WINDOW + 120) * 1000).toISOString(),
      });
      await register({ channel: "email", to: "someone@example.com", sentAt: new Date().toISOString() });
      const sid = newSid();
      expect((await postSms({ sid, to, status: "sent" })).outcome).toBe("accepted");
      expect(await mappingOf("twilio", sid)).toBe(m.id);
      expect((await postSms({ sid, to, status: "delivered" })).outcome).toBe("accepted");
      expect((await message(m.id)).status).toBe("delivered");

      const mailTo = newEmail();
      const sentAt = Date.parse("2026-01-05T09:00:00.000Z");
      const mail = await register({
        channel: "email",
        to: `Ada <${mailTo.toUpperCase()}>`,
        sentAt: new Date(sentAt).toISOString(),
      });
      const emailId = newEmailId();
      // Resend dates its events: the window is measured from created_at, not from our clock.
      expect(
        (
          await postEmail({
            emailId,
            to: mailTo,
            type: "delivered",
            createdAt: new Date(sentAt + (WINDOW - 5) * 1000),
          })
        ).outcome,
      ).toBe("accepted");
      expect(await mappingOf("resend", emailId)).toBe(mail.id);
      const late = newEmailId();
      expect(
        (
          await postEmail({
            emailId: late,
            to: mailTo,
            type: "delivered",
            createdAt: new Date(sentAt + (WINDOW + 5) * 1000),
          })
        ).outcome,
      ).toBe("unmatched");
      const early = newEmailId();
      expect(
        (
          await postEmail({
            emailId: early,
            to: mailTo,
            type: "delivered",
            createdAt: new Date(sentAt - (WINDOW + 5) * 1000),
          })
        ).outcome,
      ).toBe("unmatched");
    });

    it("never guesses between two candidates: unmatched, until the other one is spoken for", async () => {
      useTimestamp();
      const to = newPhone();
      const a = await register({ channel: "sms", to, sentAt: new Date(Date.now() - 60_000).toISOString() });
      const b = await register({ channel: "sms", to, sentAt: new Date(Date.now() - 30_000).toISOString() });
      const sidA = newSid();
      const sidB = newSid();
      expect((await postSms({ sid: sidB, to, status: "delivered" })).outcome).toBe("unmatched");
      expect(await mappingOf("twilio", sidB)).toBeNull();

      // The sender tells us A's id: B is now the only message to `to` without another Twilio id.
      expect((await api.addExternalId(a.id, { provider: "twilio", externalId: sidA })).status).toBe(201);
      expect((await postSms({ sid: sidB, to, status: "read" })).outcome).toBe("accepted");
      expect(await mappingOf("twilio", sidB)).toBe(b.id);
      const d = await message(b.id);
      // The earlier "delivered" of the same id is linked too.
      expect(d.timeline.map((e: Loose) => e.status)).toEqual(["delivered", "read"]);
      expect(d.status).toBe("read");
      expect((await message(a.id)).status).toBe("registered");
    });

    it("an event that came before the registration is linked when the message is registered", async () => {
      useTimestamp();
      const to = newPhone();
      const sid = newSid();
      expect((await postSms({ sid, to, status: "sent" })).outcome).toBe("unmatched");
      expect((await postSms({ sid, to, status: "delivered" })).outcome).toBe("unmatched");
      const m = await register({ channel: "sms", to });
      expect(m.status).toBe("delivered");
      expect(await mappingOf("twilio", sid)).toBe(m.id);
      expect((await api.unmatched()).body.items).toEqual([]);

      // Two registrations that could both claim an earlier event: neither does.
      const to2 = newPhone();
      const sid2 = newSid();
      expect((await postSms({ sid: sid2, to: to2, status: "delivered" })).outcome).toBe("unmatched");
      const batch = await api.batch({
        messages: [
          { channel: "sms", to: to2 },
          { channel: "sms", to: to2 },
        ],
      });
      expect(batch.body.created).toBe(2);
      for (const item of batch.body.items) expect((await message(item.id)).status).toBe("registered");
      expect((await api.unmatched()).body.items).toHaveLength(1);
    });
  });

  describe("UNKNOWN_MESSAGE_STATUS=404", () => {
    it("answers 404 for an unknown message, and processes the provider's retry once the message is registered", async () => {
      h.configure({ ...BASE_ENV, UNKNOWN_MESSAGE_STATUS: "404" });
      const sid = newSid();
      const to = newPhone();
      const first = await postSms({ sid, to, status: "delivered", token: "idem-strict-1" });
      expect({ status: first.status, outcome: first.outcome }).toEqual({ status: 404, outcome: "unmatched" });
      // Retried before the message exists: still 404, never "duplicate".
      expect((await postSms({ sid, to, status: "delivered", token: "idem-strict-1" })).status).toBe(404);
      expect(await h.db.prisma.messageEvent.count()).toBe(0);
      expect((await api.unmatched()).body.items).toEqual([]);

      const m = await register({ channel: "sms", to, externalId: sid });
      const retry = await postSms({ sid, to, status: "delivered", token: "idem-strict-1" });
      expect({ status: retry.status, outcome: retry.outcome }).toEqual({ status: 200, outcome: "accepted" });
      expect((await message(m.id)).status).toBe("delivered");
      // And a retry after that is a duplicate.
      expect((await postSms({ sid, to, status: "delivered", token: "idem-strict-1" })).outcome).toBe(
        "duplicate",
      );

      const emailId = newEmailId();
      const mailTo = newEmail();
      const e1 = await postEmail({ emailId, to: mailTo, type: "delivered", svix: "msg_strict_retry" });
      expect(e1.status).toBe(404);
      const mail = await register({ channel: "email", to: mailTo, externalId: emailId });
      const e2 = await postEmail({ emailId, to: mailTo, type: "delivered", svix: "msg_strict_retry" });
      expect({ status: e2.status, outcome: e2.outcome }).toEqual({ status: 200, outcome: "accepted" });
      expect((await message(mail.id)).status).toBe("delivered");
      expect(
        (await postEmail({ emailId, to: mailTo, type: "delivered", svix: "msg_strict_retry" })).outcome,
      ).toBe("duplicate");

      const rows = await h.db.prisma.webhookRequest.findMany({ select: { outcome: true, httpStatus: true } });
      expect(rows.map((r) => `${r.outcome}:${r.httpStatus}`).sort()).toEqual([
        "accepted:200",
        "accepted:200",
        "duplicate:200",
        "duplicate:200",
        "unmatched:404",
        "unmatched:404",
        "unmatched:404",
      ]);
    });
  });
});
