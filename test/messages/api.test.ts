// The sender API through the real route handlers, on every target: API keys (rotation, nothing read or
// written without one), registration (validation, idempotency, batches), provider ids, synchronous
// failures, message detail, the cursor-paginated list, error shape and X-Request-Id on every answer.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { testTargets } from "../support/databases";
import {
  API_KEY,
  API_KEY_NEXT,
  BASE_ENV,
  api,
  expectApiError,
  newEmail,
  newEmailId,
  newPhone,
  newSid,
  postEmail,
  postSms,
  useMessagesHarness,
  type ApiResult,
  type Loose,
} from "./harness";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Values that are data of the sender or the provider, not our field names. */
const OPAQUE = new Set(["tags", "metadata", "details"]);

/** Every key camelCase, every time ISO-8601 in UTC (…Z), everywhere in a response body. */
function expectApiStyle(value: unknown, path = "$"): void {
  if (Array.isArray(value)) return value.forEach((v, i) => expectApiStyle(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      expect(key, `${path}.${key}`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      if (!OPAQUE.has(key)) expectApiStyle(v, `${path}.${key}`);
    }
    return;
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) expect(value, path).toMatch(ISO_UTC);
}

const sms = (over: Record<string, unknown> = {}) => ({ channel: "sms", to: newPhone(), ...over });
const email = (over: Record<string, unknown> = {}) => ({ channel: "email", to: newEmail(), ...over });

describe.each(testTargets)("sender API (%s)", (target) => {
  const h = useMessagesHarness(target);

  async function register(body: Record<string, unknown>, idempotencyKey?: string): Promise<Loose> {
    const r = await api.register(body, { idempotencyKey });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  describe("API keys", () => {
    it("answers 401 without a valid key, before reading or writing anything", async () => {
      const existing = await register(sms({ externalId: newSid() }));
      const before = await h.counts();
      const stats = await h.db.prisma.messageStat.findMany({ orderBy: [{ metric: "asc" }] });

      const badAuth: Array<{ key?: string | null; authorization?: string }> = [
        { key: null },
        { key: "wrong-key" },
        { key: `${API_KEY}x` },
        { authorization: `Basic ${Buffer.from(`user:${API_KEY}`).toString("base64")}` },
        { authorization: API_KEY },
        { authorization: `Bearer ${API_KEY} ${API_KEY_NEXT}` },
        { authorization: `Bearer ${API_KEY},${API_KEY_NEXT}` },
      ];
      for (const auth of badAuth) {
        const calls: Array<Promise<ApiResult>> = [
          api.register(sms(), { ...auth, idempotencyKey: "k1" }),
          api.batch({ messages: [sms(), email()] }, auth),
          api.list(undefined, auth),
          api.get(existing.id, auth),
          api.get("00000000-0000-4000-8000-000000000000", auth),
          api.addExternalId(existing.id, { provider: "twilio", externalId: newSid() }, auth),
          api.fail(existing.id, { code: "30003" }, auth),
          api.suppression(existing.to, undefined, auth),
          api.lift(existing.to, { reason: "test" }, auth),
          api.metrics(undefined, auth),
          api.unmatched(undefined, auth),
        ];
        for (const result of await Promise.all(calls)) {
          const error = expectApiError(result, 401, "unauthorized");
          // Nothing about the message leaks, and an unknown id is not told apart from a known one.
          expect(JSON.stringify(result.body)).not.toContain(existing.id);
          expect(error.message).not.toContain(API_KEY);
          expect(result.headers.get("x-request-id")).toBeTruthy();
        }
      }
      expect(await h.counts()).toEqual(before);
      expect(await h.db.prisma.messageStat.findMany({ orderBy: [{ metric: "asc" }] })).toEqual(stats);
      const row = await h.db.prisma.message.findUniqueOrThrow({ where: { id: existing.id } });
      expect(row.status).toBe("registered");
    });

    it("accepts either key of a rotation, and only the configured ones", async () => {
      const first = await api.register(sms(), { key: API_KEY });
      expect(first.status).toBe(201);
      const second = await api.register(email(), { key: API_KEY_NEXT });
      expect(second.status).toBe(201);
      expect((await api.get(first.body.id, { key: API_KEY_NEXT })).status).toBe(200);
      expect((await api.get(second.body.id, { authorization: `bearer   ${API_KEY}` })).status).toBe(200);

      // Rotation finished: only the new key remains.
      h.configure({ ...BASE_ENV, API_KEYS: API_KEY_NEXT });
      expectApiError(await api.get(first.body.id, { key: API_KEY }), 401, "unauthorized");
      expect((await api.get(first.body.id, { key: API_KEY_NEXT })).status).toBe(200);

      // No keys configured: the API is closed, whatever is offered.
      h.configure({ ...BASE_ENV, API_KEYS: undefined });
      const before = await h.counts();
      for (const key of [API_KEY, API_KEY_NEXT, "", "undefined"]) {
        expectApiError(await api.register(sms(), { key }), 401, "unauthorized");
      }
      expect(await h.counts()).toEqual(before);
    });
  });

  describe("POST /api/messages", () => {
    it("registers a message: 201 with the message, camelCase, UTC times, status registered", async () => {
      const sid = newSid();
      const r = await api.register({
        channel: "sms",
        to: "+1 (415) 555-0142",
        from: "+14155550199",
        campaign: "spring",
        tags: { tier: "gold" },
        provider: "twilio",
        externalId: sid,
        sentAt: "2026-03-01T12:30:00+02:00",
        metadata: { orderId: 42, nested: { a_b: 1 } },
      });
      expect(r.status).toBe(201);
      expect(r.requestId).toBeTruthy();
      expect(r.body).toMatchObject({
        channel: "sms",
        to: "+14155550142",
        from: "+14155550199",
        subject: null,
        campaign: "spring",
        tags: { tier: "gold" },
        metadata: { orderId: 42, nested: { a_b: 1 } },
        provider: "twilio",
        status: "registered",
        statusAt: null,
        sentAt: "2026-03-01T10:30:00.000Z",
        error: null,
        timeline: [],
        engagement: {
          opened: false,
          clicked: false,
          openCount: 0,
          clickCount: 0,
          firstOpenedAt: null,
          firstClickedAt: null,
        },
        suppression: { recipient: "+14155550142", suppressed: false, entries: [] },
        externalIds: [{ provider: "twilio", externalId: sid }],
      });
      expect(r.body.id).toMatch(UUID);
      expectApiStyle(r.body);

      const detail = await api.get(r.body.id);
      expect(detail.status).toBe(200);
      expect(detail.body).toEqual(r.body);

      const mail = await api.register({
        channel: "email",
        to: "Ada Lovelace <ADA@Example.COM>",
        subject: "Hi",
      });
      expect(mail.status).toBe(201);
      expect(mail.body).toMatchObject({
        channel: "email",
        to: "ada@example.com",
        provider: "resend",
        subject: "Hi",
        externalIds: [],
      });
      // sentAt defaults to now.
      expect(Math.abs(Date.parse(mail.body.sentAt) - Date.now())).toBeLessThan(60_000);

      expect(await h.db.prisma.message.count()).toBe(2);
      const stats = await h.db.prisma.messageStat.findMany();
      const sum = (metric: string) =>
        stats.filter((s) => s.metric === metric).reduce((n, s) => n + Number(s.count), 0);
      expect({ total: sum("total"), registered: sum("registered") }).toEqual({ total: 2, registered: 2 });
    });

    it("accepts E.164 numbers, optionally on whatsapp: or rcs:, and email addresses", async () => {
      for (const to of [
        "+14155550100",
        "whatsapp:+447700900123",
        "rcs:+4915123456789",
        "+1 415 555 0100",
        "WhatsApp:+14155550100",
      ]) {
        const r = await api.register({ channel: "sms", to });
        expect(r.status, `${to}: ${JSON.stringify(r.body)}`).toBe(201);
      }
      for (const to of ["a@b.co", "First Last <first.last+tag@sub.example.org>"]) {
        expect((await api.register({ channel: "email", to })).status, to).toBe(201);
      }
    });

    it("rejects invalid messages with 400 and every issue, writing nothing", async () => {
      const before = await h.counts();
      const cases: Array<{ body: unknown; paths: string[] }> = [
        { body: { channel: "sms", to: "4155550100" }, paths: ["to"] },
        { body: { channel: "sms", to: "+0123456789" }, paths: ["to"] },
        { body: { channel: "sms", to: "+1415" }, paths: ["to"] },
        { body: { channel: "sms", to: "whatsapp:4155550100" }, paths: ["to"] },
        { body: { channel: "sms", to: "ada@example.com" }, paths: ["to"] },
        { body: { channel: "email", to: "not-an-address" }, paths: ["to"] },
        { body: { channel: "email", to: "+14155550100" }, paths: ["to"] },
        { body: { channel: "email", to: "a@b.co", provider: "twilio" }, paths: ["provider"] },
        { body: { channel: "fax", to: "+14155550100" }, paths: ["channel"] },
        { body: { to: "+14155550100" }, paths: ["channel"] },
        { body: { channel: "sms" }, paths: ["to"] },
        { body: { channel: "sms", to: "+14155550100", sentAt: "yesterday" }, paths: ["sentAt"] },
        { body: { channel: "sms", to: "+14155550100", sender: "x" }, paths: [""] },
        { body: { channel: "sms", to: "+14155550100", tags: { a: 1 } }, paths: ["tags.a"] },
        { body: [], paths: [""] },
      ];
      for (const { body, paths } of cases) {
        const r = await api.register(body);
        const error = expectApiError(r, 400, "invalid_request");
        expect(error.issues, JSON.stringify(body)).toBeDefined();
        for (const path of paths)
          expect(
            error.issues!.map((i) => i.path),
            JSON.stringify(body),
          ).toContain(path);
        for (const issue of error.issues!) expect(issue.message.length).toBeGreaterThan(0);
      }
      expectApiError(await api.register("{not json"), 400, "invalid_json");
      expect(await h.counts()).toEqual(before);
    });

    it("Idempotency-Key: a retry answers 200 with the same message, one row, counted once", async () => {
      const body = sms({ campaign: "retry" });
      const first = await api.register(body, { idempotencyKey: "order-42-sms" });
      expect(first.status).toBe(201);
      const again = await api.register(body, { idempotencyKey: "order-42-sms" });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      // Even a retry that differs answers with what the key created.
      const changed = await api.register(sms(), { idempotencyKey: "order-42-sms" });
      expect({ status: changed.status, id: changed.body.id }).toEqual({ status: 200, id: first.body.id });
      // Concurrent retries of a new key: still one message.
      const racing = await Promise.all(
        [1, 2, 3].map(() => api.register(sms(), { idempotencyKey: "order-43-sms" })),
      );
      expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
      expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);

      expect(await h.db.prisma.message.count()).toBe(2);
      const total = await h.db.prisma.messageStat.aggregate({
        where: { metric: "total" },
        _sum: { count: true },
      });
      expect(Number(total._sum.count)).toBe(2);
    });

    it("idempotencyKey in the body works as the header does; both given and different is a 400", async () => {
      const first = await api.register(sms({ campaign: "retry", idempotencyKey: "order-77-sms" }));
      expect(first.status).toBe(201);
      const again = await api.register(sms({ campaign: "retry", idempotencyKey: " order-77-sms " }));
      expect({ status: again.status, id: again.body.id }).toEqual({ status: 200, id: first.body.id });
      // The header and the body name one key: a retry may use either, or both when they agree.
      const viaHeader = await api.register(sms(), { idempotencyKey: "order-77-sms" });
      expect({ status: viaHeader.status, id: viaHeader.body.id }).toEqual({ status: 200, id: first.body.id });
      const both = await api.register(sms({ idempotencyKey: "order-77-sms" }), {
        idempotencyKey: "order-77-sms",
      });
      expect({ status: both.status, id: both.body.id }).toEqual({ status: 200, id: first.body.id });
      const before = await h.counts();
      const differ = expectApiError(
        await api.register(sms({ idempotencyKey: "order-78-sms" }), { idempotencyKey: "order-79-sms" }),
        400,
        "invalid_request",
      );
      expect(differ.message).toMatch(/Idempotency-Key.*idempotencyKey/);
      expect(await h.counts()).toEqual(before);
      expect(await h.db.prisma.message.count()).toBe(1);
    });

    it("a provider id that belongs to another message is a conflict (409)", async () => {
      const sid = newSid();
      await register(sms({ externalId: sid }));
      expectApiError(await api.register(sms({ externalId: sid })), 409, "conflict");
      expect(await h.db.prisma.message.count()).toBe(1);
    });
  });

  describe("POST /api/messages/batch", () => {
    it("answers per item: valid, invalid and conflicting items side by side", async () => {
      const taken = newSid();
      const earlier = await register(sms({ externalId: taken }), "batch-retry-key");
      const shared = newEmailId();
      const r = await api.batch({
        messages: [
          sms({ campaign: "launch" }), //                                       0: created
          { channel: "sms", to: "555-0100" }, //                                1: invalid recipient
          email({ externalId: shared, campaign: "launch" }), //                 2: created
          email({ externalId: shared }), //                                     3: same id twice in the batch
          sms({ externalId: taken }), //                                        4: id of an earlier message
          sms({ idempotencyKey: "batch-retry-key" }), //                        5: retry of an earlier registration
          { channel: "email", to: "x@y.z", bogus: true }, //                    6: unknown field
          sms({ idempotencyKey: "batch-new-key", externalId: newSid() }), //   7: created
        ],
      });
      expect(r.status).toBe(200);
      expect(r.requestId).toBeTruthy();
      expectApiStyle(r.body);
      const items = r.body.items as Loose[];
      expect(items.map((i) => [i.index, i.status])).toEqual([
        [0, 201],
        [1, 400],
        [2, 201],
        [3, 409],
        [4, 409],
        [5, 200],
        [6, 400],
        [7, 201],
      ]);
      expect(r.body).toMatchObject({ created: 3, failed: 4 });
      expect(items[1].error).toMatchObject({ code: "invalid_request" });
      expect(items[1].error.issues.map((i: Loose) => i.path)).toContain("to");
      // The other claimant is named by its index in this batch (the invalid item 1 still counts).
      expect(items[3].error).toEqual({
        code: "conflict",
        message: `resend id ${shared} is already claimed by item 2 of this batch`,
      });
      expect(items[4].error).toMatchObject({ code: "conflict" });
      expect(items[4].error.message).toContain(earlier.id);
      expect(items[5].id).toBe(earlier.id);
      for (const i of [0, 2, 7]) expect(items[i].id).toMatch(UUID);

      expect(await h.db.prisma.message.count()).toBe(4);
      const launched = await api.list("campaign=launch");
      expect(launched.body.items.map((m: Loose) => m.id).sort()).toEqual([items[0].id, items[2].id].sort());
      const mapped = await h.db.prisma.messageExternalId.findUniqueOrThrow({
        where: { provider_externalId: { provider: "resend", externalId: shared } },
      });
      expect(mapped.messageId).toBe(items[2].id);
    });

    it("two items with one idempotency key give one message, not an error", async () => {
      const r = await api.batch({
        messages: [sms({ idempotencyKey: "dup-key" }), sms({ idempotencyKey: "dup-key" }), email()],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const items = r.body.items as Loose[];
      expect(items.map((i) => i.status)).toEqual([201, 200, 201]);
      expect(items[1].id).toBe(items[0].id);
      expect(await h.db.prisma.message.count()).toBe(2);
    });

    it("takes 1,000 messages at once and refuses 1,001 (400, nothing written)", async () => {
      const thousand = Array.from({ length: 1000 }, (_, i) => ({
        channel: "email",
        to: `bulk${i}@example.com`,
        campaign: "bulk",
      }));
      const ok = await api.batch({ messages: thousand });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ created: 1000, failed: 0 });
      expect(new Set(ok.body.items.map((i: Loose) => i.id)).size).toBe(1000);

      const before = await h.counts();
      const tooMany = await api.batch({
        messages: [...thousand, { channel: "email", to: "one-more@example.com" }],
      });
      const error = expectApiError(tooMany, 400, "invalid_request");
      expect(error.issues?.[0].path).toBe("messages");
      expectApiError(await api.batch({ messages: [] }), 400, "invalid_request");
      expectApiError(await api.batch({ message: [sms()] }), 400, "invalid_request");
      expectApiError(await api.batch([sms()]), 400, "invalid_request");
      expectApiError(await api.batch("nope"), 400, "invalid_json");
      expect(await h.counts()).toEqual(before);
    });
  });

  describe("POST /api/messages/{id}/external-ids", () => {
    it("adds a mapping (201), says the same again (200), refuses another message's id (409)", async () => {
      const a = await register(sms());
      const b = await register(sms());
      const sid = newSid();
      const added = await api.addExternalId(a.id, { provider: "twilio", externalId: sid });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({
        messageId: a.id,
        provider: "twilio",
        externalId: sid,
        created: true,
        linkedEvents: 0,
      });
      const same = await api.addExternalId(a.id, { provider: "twilio", externalId: sid });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ created: false });
      const conflict = expectApiError(
        await api.addExternalId(b.id, { provider: "twilio", externalId: sid }),
        409,
        "conflict",
      );
      expect(conflict.message).toContain(a.id);
      // A second id for the same message is fine (e.g. a resend).
      expect((await api.addExternalId(a.id, { provider: "twilio", externalId: newSid() })).status).toBe(201);

      expectApiError(
        await api.addExternalId(a.id, { provider: "resend", externalId: newEmailId() }),
        400,
        "invalid_provider",
      );
      expectApiError(await api.addExternalId(a.id, { provider: "twilio" }), 400, "invalid_request");
      expectApiError(
        await api.addExternalId(a.id, { provider: "sendgrid", externalId: "x" }),
        400,
        "invalid_request",
      );
      expectApiError(
        await api.addExternalId("00000000-0000-4000-8000-000000000000", {
          provider: "twilio",
          externalId: newSid(),
        }),
        404,
        "not_found",
      );
      expectApiError(
        await api.addExternalId("not-a-uuid", { provider: "twilio", externalId: newSid() }),
        404,
        "not_found",
      );

      const detail = await api.get(a.id);
      expect(detail.body.externalIds.map((x: Loose) => x.externalId)).toContain(sid);
      expect((await api.get(b.id)).body.externalIds).toEqual([]);
      expect(await h.db.prisma.messageExternalId.count()).toBe(2);
    });
  });

  describe("POST /api/messages/{id}/failed", () => {
    it("records a synchronous failure: status failed, the code explained; again changes nothing", async () => {
      const m = await register(sms());
      const r = await api.fail(m.id, { code: "21211", message: "Invalid 'To' Phone Number" });
      expect(r.status).toBe(201);
      expect(r.body.status).toBe("failed");
      expect(r.body.error).toMatchObject({ code: "21211", message: "Invalid 'To' Phone Number" });
      expect(r.body.error.explanation).toMatchObject({ code: "21211" });
      expect(r.body.error.explanation.explanation.length).toBeGreaterThan(10);
      expect(r.body.milestones.failedAt).toMatch(ISO_UTC);
      expect(r.body.timeline).toHaveLength(1);
      expect(r.body.timeline[0]).toMatchObject({
        kind: "event",
        status: "failed",
        errorCode: "21211",
        late: false,
        duplicate: false,
      });
      expectApiStyle(r.body);

      const again = await api.fail(m.id, { code: "21211" });
      expect(again.status).toBe(200);
      expect(again.body.status).toBe("failed");
      expect(await h.db.prisma.messageEvent.count()).toBe(1);

      const mail = await register(email());
      const failed = await api.fail(mail.id, {
        code: "validation_error",
        message: "The from address is not verified",
      });
      expect(failed.status).toBe(201);
      expect(failed.body).toMatchObject({ status: "failed", error: { code: "validation_error" } });
      expect(failed.body.error.explanation).not.toBeNull();

      expectApiError(await api.fail(m.id, {}), 400, "invalid_request");
      expectApiError(await api.fail("00000000-0000-4000-8000-000000000000", { code: "x" }), 404, "not_found");
      expectApiError(await api.fail("42", { code: "x" }), 404, "not_found");

      const stats = await h.db.prisma.messageStat.findMany({
        where: { metric: { in: ["failed", "registered"] } },
      });
      const sum = (metric: string) =>
        stats.filter((s) => s.metric === metric).reduce((n, s) => n + Number(s.count), 0);
      expect({ failed: sum("failed"), registered: sum("registered") }).toEqual({ failed: 2, registered: 0 });
    });
  });

  describe("GET /api/messages/{id}", () => {
    it("answers 404 (never 500) for an unknown or malformed id, with X-Request-Id", async () => {
      for (const id of [
        "00000000-0000-4000-8000-000000000000",
        "not-a-uuid",
        "123",
        "'; DROP TABLE message; --",
        "0".repeat(40),
        "%00",
      ]) {
        const r = await api.get(id);
        expectApiError(r, 404, "not_found");
      }
      const echoed = await api.get("nope", { headers: { "x-request-id": "req-from-caller-1" } });
      expect(echoed.requestId).toBe("req-from-caller-1");
      expect(echoed.body.error.message).toContain("nope");
    });

    it("shows status, milestones, engagement, the error explained, suppression, ids and the timeline", async () => {
      const emailId = newEmailId();
      const to = newEmail();
      const m = await register({ channel: "email", to, externalId: emailId, subject: "Welcome" });
      const t0 = Date.parse("2026-03-01T10:00:00.000Z");
      const at = (s: number) => new Date(t0 + s * 1000);
      expect((await postEmail({ emailId, to, type: "sent", createdAt: at(0) })).outcome).toBe("accepted");
      expect((await postEmail({ emailId, to, type: "delivered", createdAt: at(5) })).outcome).toBe(
        "accepted",
      );
      const open = await postEmail({ emailId, to, type: "opened", createdAt: at(60), svix: "msg_open_1" });
      expect(
        (await postEmail({ emailId, to, type: "opened", createdAt: at(60), svix: "msg_open_1" })).outcome,
      ).toBe("duplicate");
      await postEmail({ emailId, to, type: "opened", createdAt: at(120) });
      await postEmail({ emailId, to, type: "clicked", createdAt: at(90) });
      // A late "sent" copy (new svix-id) arriving after delivery: kept, marked late, changes nothing.
      await postEmail({ emailId, to, type: "sent", createdAt: at(1) });
      await postEmail({
        emailId,
        to,
        type: "bounced",
        createdAt: at(200),
        bounce: { type: "Permanent", subType: "General", message: "mailbox does not exist" },
      });

      const r = await api.get(m.id);
      expect(r.status).toBe(200);
      expectApiStyle(r.body);
      const d = r.body;
      expect(d.status).toBe("bounced");
      expect(d.statusAt).toBe(at(200).toISOString());
      expect(d.milestones).toEqual({
        deliveredAt: at(5).toISOString(),
        failedAt: null,
        bouncedAt: at(200).toISOString(),
        complainedAt: null,
        firstOpenedAt: at(60).toISOString(),
        firstClickedAt: at(90).toISOString(),
      });
      expect(d.engagement).toEqual({
        opened: true,
        clicked: true,
        openCount: 2,
        clickCount: 1,
        firstOpenedAt: at(60).toISOString(),
        firstClickedAt: at(90).toISOString(),
      });
      expect(d.error).toMatchObject({
        code: "Permanent/General",
        bounceType: "Permanent",
        bounceSubType: "General",
        message: "mailbox does not exist",
      });
      expect(d.error.explanation).not.toBeNull();
      expect(d.suppression).toMatchObject({ recipient: to, suppressed: true });
      expect(d.suppression.entries[0]).toMatchObject({
        reason: "hard_bounce",
        active: true,
        messageId: m.id,
      });
      expect(d.externalIds).toEqual([
        { provider: "resend", externalId: emailId, createdAt: expect.stringMatching(ISO_UTC) },
      ]);

      const events = (d.timeline as Loose[]).filter((e) => e.kind === "event");
      expect(events.map((e) => e.status)).toEqual([
        "sent",
        "sent",
        "delivered",
        "opened",
        "clicked",
        "opened",
        "bounced",
      ]);
      expect(events.filter((e) => e.late).map((e) => [e.status, e.at])).toEqual([
        ["sent", at(1).toISOString()],
      ]);
      const duplicates = (d.timeline as Loose[]).filter((e) => e.kind === "duplicate");
      expect(duplicates).toHaveLength(1);
      expect(duplicates[0]).toMatchObject({
        duplicate: true,
        duplicateOf: open.requestId,
        eventType: "email.opened",
      });
      const bounce = events.find((e) => e.status === "bounced");
      expect(bounce.explanation).not.toBeNull();
      // Times in order.
      const times = (d.timeline as Loose[]).map((e) => e.at);
      expect([...times].sort()).toEqual(times);
    });
  });

  describe("GET /api/messages", () => {
    it("pages newest first with a cursor: 7 messages, limit 3, each exactly once in order", async () => {
      const base = Date.parse("2026-02-10T08:00:00.000Z");
      // Three share one send time: the id breaks the tie, so none is skipped or repeated.
      const offsets = [0, 60, 60, 60, 120, 3600, 7200];
      const ids: string[] = [];
      for (const [i, off] of offsets.entries()) {
        const m = await register(
          sms({
            sentAt: new Date(base + off * 1000).toISOString(),
            campaign: "paging",
            from: i % 2 ? "+14155550111" : "+14155550122",
          }),
        );
        ids.push(m.id);
      }
      await register(email({ campaign: "other", sentAt: new Date(base + 30_000).toISOString() }));

      const seen: Loose[] = [];
      let cursor: string | null = null;
      const pageSizes: number[] = [];
      do {
        const q: string = `campaign=paging&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const page = await api.list(q);
        expect(page.status).toBe(200);
        expectApiStyle(page.body);
        expect(Object.keys(page.body).sort()).toEqual(["items", "nextCursor"]);
        pageSizes.push(page.body.items.length);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor && pageSizes.length < 10);
      expect(pageSizes).toEqual([3, 3, 1]);
      expect(seen.map((m) => m.id).sort()).toEqual([...ids].sort());
      expect(new Set(seen.map((m) => m.id)).size).toBe(7);
      const expectedOrder = ids
        .map((id, i) => ({ id, t: base + offsets[i] * 1000 }))
        .sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : -1))
        .map((x) => x.id);
      expect(seen.map((m) => m.id)).toEqual(expectedOrder);
      expect(seen[0]).toMatchObject({
        channel: "sms",
        status: "registered",
        campaign: "paging",
        externalIds: [],
      });

      // from is inclusive, until exclusive (send time).
      const window = await api.list(
        `from=${new Date(base + 60_000).toISOString()}&until=${new Date(base + 3_600_000).toISOString()}&channel=sms`,
      );
      expect(window.body.items.map((m: Loose) => m.sentAt)).toEqual([
        new Date(base + 120_000).toISOString(),
        ...Array(3).fill(new Date(base + 60_000).toISOString()),
      ]);
      const sender = await api.list("sender=%2B14155550111");
      expect(sender.body.items).toHaveLength(3);
      expect((await api.list("channel=email")).body.items).toHaveLength(1);
    });

    it("filters by recipient, provider id, status and channel", async () => {
      const sid = newSid();
      const delivered = await register(sms({ to: "+14155550177", externalId: sid }));
      await register(sms({ to: "+14155550178" }));
      const emailId = newEmailId();
      await register(email({ to: "grace@example.com", externalId: emailId }));
      await postSms({ sid, status: "delivered", to: "+14155550177" });

      const byTo = await api.list(`to=${encodeURIComponent("+1 415 555 0177")}`);
      expect(byTo.body.items.map((m: Loose) => m.id)).toEqual([delivered.id]);
      expect(byTo.body.items[0]).toMatchObject({
        status: "delivered",
        externalIds: [{ provider: "twilio", externalId: sid }],
      });
      expect(
        (await api.list(`to=${encodeURIComponent("Grace <GRACE@example.com>")}`)).body.items,
      ).toHaveLength(1);
      expect((await api.list(`externalId=${sid}`)).body.items.map((m: Loose) => m.id)).toEqual([
        delivered.id,
      ]);
      expect((await api.list(`externalId=${emailId}&channel=email`)).body.items).toHaveLength(1);
      expect((await api.list("status=delivered")).body.items.map((m: Loose) => m.id)).toEqual([delivered.id]);
      expect((await api.list("status=registered")).body.items).toHaveLength(2);
      expect((await api.list("status=registered&channel=sms")).body.items).toHaveLength(1);
      expect((await api.list("to=%2B19999999999")).body).toEqual({ items: [], nextCursor: null });
    });

    it("refuses a bad query or cursor with 400, never 500", async () => {
      await register(sms());
      for (const q of [
        "limit=0",
        "limit=201",
        "limit=abc",
        "from=yesterday",
        "channel=fax",
        "until=2026-13-01T00:00:00Z",
      ]) {
        expectApiError(await api.list(q), 400, "invalid_request");
      }
      const forged = [
        "garbage",
        Buffer.from("not a time|x").toString("base64url"),
        Buffer.from("2026-01-01T00:00:00.000Z|not-a-uuid").toString("base64url"),
        Buffer.from("2026-01-01T00:00:00.000Z").toString("base64url"),
      ];
      for (const cursor of forged) {
        const r = await api.list(`cursor=${encodeURIComponent(cursor)}`);
        expectApiError(r, 400, "invalid_cursor");
      }
    });
  });

  describe("GET /api/suppressions/{recipient}", () => {
    it("says to send when nothing suppresses the recipient", async () => {
      const r = await api.suppression("+14155550100");
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ recipient: "+14155550100", suppressed: false, send: true, entries: [] });
      expect((await api.suppression("Someone@Example.com")).body).toMatchObject({
        recipient: "someone@example.com",
        send: true,
      });
      expectApiError(await api.lift("+14155550100", { reason: "nothing to lift" }), 404, "not_found");
      expectApiError(await api.lift("+14155550100", {}), 400, "invalid_request");
    });
  });
});
