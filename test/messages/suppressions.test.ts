// Suppressions, end to end: signed provider events through the webhook routes suppress recipients (hard
// bounce, complaint, Resend's own suppression, Twilio STOP for one sender, unknown number, landline, soft
// bounces past the threshold within the window), the sender asks whether to send, and an admin lifts a
// suppression — recorded with who and why, the history keeping both entries. On every target.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { testTargets } from "../support/databases";
import {
  API_KEY_NEXT,
  BASE_ENV,
  DEFAULT_SMS_FROM,
  api,
  expectApiError,
  newEmail,
  newEmailId,
  newPhone,
  newSid,
  postEmail,
  postSms,
  useMessagesHarness,
  type Loose,
} from "./harness";

const keyLabel = (key: string) => `key:${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;

describe.each(testTargets)("suppressions (%s)", (target) => {
  const h = useMessagesHarness(target);

  async function emailMessage(to: string): Promise<{ id: string; emailId: string }> {
    const emailId = newEmailId();
    const r = await api.register({ channel: "email", to, externalId: emailId });
    expect(r.status).toBe(201);
    return { id: r.body.id, emailId };
  }

  async function smsMessage(to: string, from = DEFAULT_SMS_FROM): Promise<{ id: string; sid: string }> {
    const sid = newSid();
    const r = await api.register({ channel: "sms", to, from, externalId: sid });
    expect(r.status).toBe(201);
    return { id: r.body.id, sid };
  }

  async function status(recipient: string, query?: string): Promise<Loose> {
    const r = await api.suppression(recipient, query);
    expect(r.status).toBe(200);
    expect(r.requestId).toBeTruthy();
    return r.body;
  }

  it("a hard bounce (Permanent) suppresses the address for every sender; a soft one alone does not", async () => {
    const to = newEmail();
    const m = await emailMessage(to);
    await postEmail({
      emailId: m.emailId,
      to,
      type: "bounced",
      bounce: { type: "Temporary", subType: "MailboxFull", message: "mailbox full" },
    });
    expect(await status(to)).toMatchObject({ suppressed: false, send: true, entries: [] });

    const hard = await emailMessage(to);
    await postEmail({
      emailId: hard.emailId,
      to,
      type: "bounced",
      bounce: { type: "Permanent", subType: "General", message: "no such user" },
    });
    const s = await status(to.toUpperCase());
    expect(s).toMatchObject({ recipient: to, suppressed: true, send: false });
    expect(s.entries).toHaveLength(1);
    expect(s.entries[0]).toMatchObject({
      channel: "email",
      scope: null,
      reason: "hard_bounce",
      active: true,
      messageId: hard.id,
      detail: "no such user",
      liftedAt: null,
    });
    const event = await h.db.prisma.messageEvent.findFirstOrThrow({ where: { messageId: hard.id } });
    expect(s.entries[0].eventId).toBe(event.id.toString());
    // Every message to that address shows it.
    expect((await api.get(m.id)).body.suppression).toMatchObject({ suppressed: true });
    const history = await h.db.prisma.suppressionChange.findMany();
    expect(history.map((c) => [c.action, c.reason, c.eventId])).toEqual([
      ["suppressed", "hard_bounce", event.id],
    ]);
  });

  it("a complaint suppresses; Resend's email.suppressed suppresses (and is the message's status)", async () => {
    const to = newEmail();
    const m = await emailMessage(to);
    await postEmail({ emailId: m.emailId, to, type: "delivered" });
    await postEmail({ emailId: m.emailId, to, type: "complained" });
    expect((await status(to)).entries.map((e: Loose) => e.reason)).toEqual(["complaint"]);
    expect((await api.get(m.id)).body).toMatchObject({
      status: "delivered",
      milestones: { complainedAt: expect.any(String) },
    });

    const other = newEmail();
    const s = await emailMessage(other);
    await postEmail({
      emailId: s.emailId,
      to: other,
      type: "suppressed",
      data: { suppressed: { type: "OnAccountSuppressionList", message: "on the suppression list" } },
    });
    expect(await status(other)).toMatchObject({
      suppressed: true,
      entries: [{ reason: "provider_suppressed", active: true }],
    });
    const detail = (await api.get(s.id)).body;
    expect(detail.status).toBe("suppressed");
    expect(detail.error).toMatchObject({ code: "OnAccountSuppressionList" });
    expect(detail.error.explanation).not.toBeNull();
    // Another complaint while the address is suppressed adds nothing to the history.
    const changes = await h.db.prisma.suppressionChange.count();
    await postEmail({ emailId: m.emailId, to, type: "complained" });
    expect(await h.db.prisma.suppressionChange.count()).toBe(changes);
  });

  it("Twilio 21610 (STOP) suppresses the number for that sender only", async () => {
    const to = newPhone();
    const senderA = "+14155550101";
    const senderB = "+14155550102";
    const a = await smsMessage(to, senderA);
    const b = await smsMessage(to, senderB);
    await postSms({
      sid: a.sid,
      to,
      from: senderA,
      status: "undelivered",
      errorCode: "21610",
      errorMessage: "Attempt to send to unsubscribed recipient",
    });

    expect(await status(to, `from=${encodeURIComponent(senderA)}`)).toMatchObject({
      suppressed: true,
      send: false,
    });
    expect(await status(to, `from=${encodeURIComponent("+1 (415) 555-0101")}`)).toMatchObject({
      suppressed: true,
      send: false,
    });
    expect(await status(to, `from=${encodeURIComponent(senderB)}`)).toMatchObject({
      suppressed: false,
      send: true,
    });
    // Without a sender: someone blocks it, so the safe answer is "do not send".
    const any = await status(to);
    expect(any).toMatchObject({
      suppressed: true,
      entries: [{ reason: "unsubscribed", scope: senderA, active: true }],
    });
    expect((await api.get(a.id)).body.suppression.suppressed).toBe(true);
    expect((await api.get(b.id)).body.suppression.suppressed).toBe(false);
    const detail = (await api.get(a.id)).body;
    expect(detail).toMatchObject({ status: "undelivered", error: { code: "21610" } });
    expect(detail.error.explanation.code).toBe("21610");
  });

  it("30005 (unknown number) and 30006 (landline) suppress the number for every sender", async () => {
    for (const [code, reason] of [
      ["30005", "invalid_number"],
      ["30006", "landline"],
    ] as const) {
      const to = newPhone();
      const m = await smsMessage(to);
      await postSms({ sid: m.sid, to, status: "undelivered", errorCode: code });
      expect(await status(to, `from=${encodeURIComponent("+14155550999")}`)).toMatchObject({
        suppressed: true,
        entries: [{ reason, scope: null }],
      });
      expect((await api.get(m.id)).body.error.explanation.code).toBe(code);
    }
    // Other failures do not suppress.
    const to = newPhone();
    const m = await smsMessage(to);
    await postSms({ sid: m.sid, to, status: "undelivered", errorCode: "30003" });
    expect(await status(to)).toMatchObject({ suppressed: false, entries: [] });
  });

  it("soft bounces suppress only at SOFT_BOUNCE_THRESHOLD within SOFT_BOUNCE_WINDOW_DAYS", async () => {
    h.configure({ ...BASE_ENV, SOFT_BOUNCE_THRESHOLD: "3", SOFT_BOUNCE_WINDOW_DAYS: "2" });
    const to = newEmail();
    const soft = { type: "Temporary", subType: "MailboxFull", message: "mailbox full" };
    const first = await emailMessage(to);
    await postEmail({ emailId: first.emailId, to, type: "bounced", bounce: soft, svix: "msg_soft_1" });
    // Redeliveries of one bounce count once.
    await postEmail({ emailId: first.emailId, to, type: "bounced", bounce: soft, svix: "msg_soft_1" });
    await postEmail({ emailId: first.emailId, to, type: "bounced", bounce: soft, svix: "msg_soft_1" });
    const second = await emailMessage(to);
    await postEmail({ emailId: second.emailId, to, type: "bounced", bounce: soft });
    expect(await status(to)).toMatchObject({ suppressed: false, entries: [] });

    // The first bounce falls out of the window: the next one makes two, not three.
    await h.db.prisma.messageEvent.updateMany({
      where: { messageId: first.id },
      data: { receivedAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    const third = await emailMessage(to);
    await postEmail({ emailId: third.emailId, to, type: "bounced", bounce: soft });
    expect(await status(to)).toMatchObject({ suppressed: false });

    const fourth = await emailMessage(to);
    await postEmail({ emailId: fourth.emailId, to, type: "bounced", bounce: { ...soft, type: "Transient" } });
    const s = await status(to);
    expect(s).toMatchObject({
      suppressed: true,
      send: false,
      entries: [{ reason: "soft_bounce_threshold", messageId: fourth.id, active: true }],
    });
    // Soft bounces never change what a hard bounce would: the messages are simply bounced.
    expect((await api.get(fourth.id)).body).toMatchObject({
      status: "bounced",
      error: { bounceType: "Transient" },
    });
  });

  it("lifting is recorded with who and why; the history keeps both entries; a new hard bounce suppresses again", async () => {
    const to = newEmail();
    const m = await emailMessage(to);
    await postEmail({
      emailId: m.emailId,
      to,
      type: "bounced",
      bounce: { type: "Permanent", subType: "General" },
    });
    expect((await status(to)).suppressed).toBe(true);

    const lifted = await api.lift(
      to.toUpperCase(),
      { reason: "customer fixed their mailbox (ticket 1234)" },
      { key: API_KEY_NEXT },
    );
    expect(lifted.status).toBe(200);
    expect(lifted.requestId).toBeTruthy();
    expect(lifted.body).toMatchObject({ lifted: 1, recipient: to, suppressed: false });
    expect(lifted.body.entries[0]).toMatchObject({
      reason: "hard_bounce",
      active: false,
      liftedBy: keyLabel(API_KEY_NEXT),
      liftReason: "customer fixed their mailbox (ticket 1234)",
      liftedAt: expect.stringMatching(/Z$/),
    });
    // The key itself is never stored, only its label.
    expect(JSON.stringify(lifted.body)).not.toContain(API_KEY_NEXT);
    expect(await status(to)).toMatchObject({ suppressed: false, send: true });
    expect((await api.get(m.id)).body.suppression.suppressed).toBe(false);

    const suppression = await h.db.prisma.suppression.findFirstOrThrow();
    let history = await h.db.prisma.suppressionChange.findMany({
      where: { suppressionId: suppression.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((c) => ({ action: c.action, reason: c.reason, actor: c.actor }))).toEqual([
      { action: "suppressed", reason: "hard_bounce", actor: null },
      {
        action: "lifted",
        reason: "customer fixed their mailbox (ticket 1234)",
        actor: keyLabel(API_KEY_NEXT),
      },
    ]);
    // Nothing left to lift.
    expectApiError(await api.lift(to, { reason: "again" }), 404, "not_found");

    const again = await emailMessage(to);
    await postEmail({
      emailId: again.emailId,
      to,
      type: "bounced",
      bounce: { type: "Permanent", subType: "General" },
    });
    expect(await status(to)).toMatchObject({
      suppressed: true,
      entries: [{ active: true, liftedBy: null, liftReason: null, messageId: again.id }],
    });
    history = await h.db.prisma.suppressionChange.findMany({
      where: { suppressionId: suppression.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((c) => c.action)).toEqual(["suppressed", "lifted", "suppressed"]);
  });

  it("answers and lifts for an address whose path segment is percent-encoded (%, @, +)", async () => {
    const to = `a%b+${newEmail()}`;
    expect(`/api/suppressions/${encodeURIComponent(to)}`).toContain("a%25b%2B");
    expect(await status(to)).toMatchObject({ recipient: to, suppressed: false, send: true });
    const m = await emailMessage(to);
    await postEmail({
      emailId: m.emailId,
      to,
      type: "bounced",
      bounce: { type: "Permanent", subType: "General" },
    });
    expect(await status(to)).toMatchObject({ recipient: to, suppressed: true, send: false });
    const lifted = await api.lift(to, { reason: "address confirmed by the customer" });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ lifted: 1, recipient: to, suppressed: false });
  });

  it("lifts a STOP for one sender without touching the others", async () => {
    const to = newPhone();
    const senderA = "+14155550101";
    const senderB = "+14155550102";
    for (const from of [senderA, senderB]) {
      const m = await smsMessage(to, from);
      await postSms({ sid: m.sid, to, from, status: "undelivered", errorCode: "21610" });
    }
    expect((await status(to)).entries).toHaveLength(2);
    const r = await api.lift(to, { channel: "sms", scope: senderA, reason: "texted START" });
    expect(r.body.lifted).toBe(1);
    expect(await status(to, `from=${encodeURIComponent(senderA)}`)).toMatchObject({
      suppressed: false,
      send: true,
    });
    expect(await status(to, `from=${encodeURIComponent(senderB)}`)).toMatchObject({
      suppressed: true,
      send: false,
    });
    expectApiError(await api.lift(to, { reason: "x", bogus: 1 }), 400, "invalid_request");
  });
});
