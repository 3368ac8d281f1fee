// Support's search through the real API routes, on every target: one `q` finds a message by its
// recipient's phone number in any common spelling (national numbers in DEFAULT_COUNTRY), by email address
// whatever its case, by our id, by a Twilio SID or a Resend id; the stuck filter lists messages without a
// final status STUCK_AFTER_HOURS after sending, paged in order; unmatched events are found by provider id
// and recipient; the suppression list shows the reason and the causing event, and moves on a lift.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { GET as suppressionsGET } from "@/app/api/suppressions/route";
import { listSuppressions } from "@/lib/queries/list-suppressions";
import { testTargets } from "../support/databases";
import {
  BASE_ENV,
  api,
  callApi,
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

const HOUR = 3_600_000;
const ids = (r: { body: Loose }) => r.body.items.map((m: Loose) => m.id);
/** "+14152000007" → "(415) 200-0007" */
const nationalUs = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

describe.each(testTargets)("search (%s)", (target) => {
  const h = useMessagesHarness(target);

  async function register(body: Record<string, unknown>): Promise<Loose> {
    const r = await api.register(body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  it("finds an SMS by any spelling of its recipient's number, by its SID and by our id", async () => {
    const to = newPhone();
    const sid = newSid();
    const m = await register({ channel: "sms", to, externalId: sid });
    const older = await register({ channel: "sms", to, sentAt: new Date(Date.now() - HOUR).toISOString() });
    await register({ channel: "sms", to: newPhone(), externalId: newSid() });

    for (const q of [
      to,
      nationalUs(to),
      to.slice(2),
      `+1 ${to.slice(2, 5)}-${to.slice(5, 8)}-${to.slice(8)}`,
    ]) {
      const r = await api.list(`q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(ids(r), q).toEqual([m.id, older.id]);
    }
    expect(ids(await api.list(`q=${encodeURIComponent(nationalUs(to) + " ext. 12")}`))).toEqual([
      m.id,
      older.id,
    ]);
    expect(ids(await api.list(`q=${sid}`))).toEqual([m.id]);
    expect(ids(await api.list(`q=${sid.toLowerCase().replace(/^sm/, "sm")}`))).toEqual([m.id]);
    expect(ids(await api.list(`q=${m.id.toUpperCase()}`))).toEqual([m.id]);
    // Combined with the other filters, and paged.
    expect(ids(await api.list(`q=${encodeURIComponent(nationalUs(to))}&limit=1`))).toEqual([m.id]);
    expect(ids(await api.list(`q=${encodeURIComponent(to)}&status=delivered`))).toEqual([]);
    // Nothing matches: an empty page, not an error.
    for (const q of ["SM" + "0".repeat(32), "not a thing", "+1 999", crypto.randomUUID()])
      expect((await api.list(`q=${encodeURIComponent(q)}`)).body, q).toEqual({ items: [], nextCursor: null });
  });

  it("finds an email by its address whatever the case, and by its Resend id", async () => {
    const to = newEmail();
    const emailId = newEmailId();
    const m = await register({ channel: "email", to: `Ada <${to.toUpperCase()}>`, externalId: emailId });
    await register({ channel: "email", to: newEmail(), externalId: newEmailId() });
    expect(ids(await api.list(`q=${encodeURIComponent(to.toUpperCase())}`))).toEqual([m.id]);
    expect(ids(await api.list(`q=${encodeURIComponent(` ${to} `)}`))).toEqual([m.id]);
    expect(ids(await api.list(`q=${emailId}`))).toEqual([m.id]);
    expect(ids(await api.list(`q=${emailId}&channel=sms`))).toEqual([]);
  });

  it("reads national numbers in DEFAULT_COUNTRY, else in the country of TWILIO_PHONE_NUMBER", async () => {
    const uk = await register({ channel: "sms", to: "+442079460958" });
    const us = await register({ channel: "sms", to: "+12025550143" });
    expect(ids(await api.list(`q=${encodeURIComponent("020 7946 0958")}`))).toEqual([]);
    expect(ids(await api.list(`q=${encodeURIComponent("(202) 555-0143")}`))).toEqual([us.id]);

    h.configure({ ...BASE_ENV, TWILIO_PHONE_NUMBER: "+442079460123" });
    expect(ids(await api.list(`q=${encodeURIComponent("020 7946 0958")}`))).toEqual([uk.id]);
    h.configure({ ...BASE_ENV, TWILIO_PHONE_NUMBER: "+14155550199", DEFAULT_COUNTRY: "gb" });
    expect(ids(await api.list(`q=${encodeURIComponent("020 7946 0958")}`))).toEqual([uk.id]);
    // International spellings work whatever the country.
    expect(ids(await api.list(`q=${encodeURIComponent("+1 202 555 0143")}`))).toEqual([us.id]);
  });

  it("lists stuck messages (no final status STUCK_AFTER_HOURS after sending), newest first, across pages", async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const sidSent = newSid();
    const sidDelivered = newSid();
    const emailId = newEmailId();
    const stuckRegistered = await register({ channel: "sms", to: newPhone(), sentAt: at(30) });
    const stuckSent = await register({ channel: "sms", to: newPhone(), sentAt: at(26), externalId: sidSent });
    const delivered = await register({
      channel: "sms",
      to: newPhone(),
      sentAt: at(28),
      externalId: sidDelivered,
    });
    const stuckEmail = await register({
      channel: "email",
      to: newEmail(),
      sentAt: at(40),
      externalId: emailId,
    });
    const recent = await register({ channel: "sms", to: newPhone(), sentAt: at(2) });
    await postSms({ sid: sidSent, status: "sent" });
    await postSms({ sid: sidDelivered, status: "delivered" });
    await postEmail({ emailId, type: "delivery_delayed" });

    const expected = [stuckSent.id, stuckRegistered.id, stuckEmail.id];
    expect(ids(await api.list("stuck=true"))).toEqual(expected);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Loose = await api.list(`stuck=1&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(r.status).toBe(200);
      seen.push(...ids(r));
      cursor = r.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(expected);
    expect(ids(await api.list("stuck=true&channel=email"))).toEqual([stuckEmail.id]);
    expect(ids(await api.list("stuck=true&status=sent"))).toEqual([stuckSent.id]);
    expect(ids(await api.list("stuck=true&status=delivered"))).toEqual([]);
    expect(ids(await api.list("stuck=false"))).toHaveLength(5);
    expect(ids(await api.list("status=registered,delivered"))).toEqual([
      recent.id,
      delivered.id,
      stuckRegistered.id,
    ]);

    h.configure({ ...BASE_ENV, STUCK_AFTER_HOURS: "1" });
    expect(ids(await api.list("stuck=true"))).toEqual([recent.id, ...expected]);
    h.configure({ ...BASE_ENV, STUCK_AFTER_HOURS: "35" });
    expect(ids(await api.list("stuck=true"))).toEqual([stuckEmail.id]);
    expectApiError(await api.list("stuck=maybe"), 400, "invalid_request");
  });

  it("finds unmatched events by provider id and recipient, newest first, and pages them", async () => {
    const to = newPhone();
    const sid = newSid();
    await postSms({ sid, to, status: "sent" });
    await postSms({ sid, to, status: "delivered" });
    const other = newSid();
    await postSms({ sid: other, to: newPhone(), status: "sent" });
    const email = newEmail();
    const emailId = newEmailId();
    await postEmail({ emailId, to: email, type: "delivered" });

    const statuses = (r: Loose) => r.body.items.map((e: Loose) => [e.externalId, e.status]);
    expect(statuses(await api.unmatched(`q=${sid}`))).toEqual([
      [sid, "delivered"],
      [sid, "sent"],
    ]);
    expect(statuses(await api.unmatched(`q=${encodeURIComponent(nationalUs(to))}`))).toHaveLength(2);
    expect(statuses(await api.unmatched(`q=${emailId}`))).toEqual([[emailId, "delivered"]]);
    expect(statuses(await api.unmatched(`q=${encodeURIComponent(email.toUpperCase())}`))).toEqual([
      [emailId, "delivered"],
    ]);
    const all: string[] = [];
    let before: string | null = null;
    do {
      const r: Loose = await api.unmatched(`limit=1${before ? `&before=${before}` : ""}`);
      expect(r.status).toBe(200);
      all.push(...r.body.items.map((e: Loose) => e.id));
      before = r.body.nextCursor;
    } while (before && all.length < 10);
    expect(all).toHaveLength(4);
    expect(all).toEqual((await api.unmatched()).body.items.map((e: Loose) => e.id));
    expectApiError(await api.unmatched("before=garbage"), 400, "invalid_cursor");

    await api.register({ channel: "sms", to, externalId: sid });
    expect((await api.unmatched(`q=${sid}`)).body.items).toEqual([]);
  });

  it("lists suppressions with the reason and the causing event; a lifted one moves to the lifted list", async () => {
    const to = newEmail();
    const emailId = newEmailId();
    const m = await register({ channel: "email", to, externalId: emailId });
    await postEmail({
      emailId,
      to,
      type: "bounced",
      bounce: { type: "Permanent", subType: "General", message: "no such user" },
    });
    const phone = newPhone();
    const sid = newSid();
    await register({ channel: "sms", to: phone, externalId: sid });
    await postSms({ sid, to: phone, status: "undelivered", errorCode: "30005" });

    const active = await listSuppressions(h.db, {});
    expect(active.items.map((s) => [s.recipient, s.reason, s.active])).toEqual([
      [phone, "invalid_number", true],
      [to, "hard_bounce", true],
    ]);
    expect(active.items[1]).toMatchObject({
      channel: "email",
      messageId: m.id,
      cause: { eventType: "email.bounced", status: "bounced", bounceType: "Permanent" },
    });
    expect(active.items[0].cause).toMatchObject({ status: "undelivered", errorCode: "30005" });
    expect((await listSuppressions(h.db, { q: nationalUs(phone) })).items.map((s) => s.recipient)).toEqual([
      phone,
    ]);
    expect((await listSuppressions(h.db, { q: to.toUpperCase() })).items).toHaveLength(1);
    expect((await listSuppressions(h.db, { reason: "hard_bounce" })).items).toHaveLength(1);
    expect((await listSuppressions(h.db, { channel: "sms" })).items).toHaveLength(1);
    expect((await listSuppressions(h.db, { q: "SM123" })).items).toEqual([]);
    const first = await listSuppressions(h.db, { limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await listSuppressions(h.db, { limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((s) => s.id)).toEqual(active.items.map((s) => s.id));
    expect(second.nextCursor).toBeNull();

    expect((await api.lift(to, { reason: "customer fixed the mailbox" })).status).toBe(200);
    expect((await listSuppressions(h.db, {})).items.map((s) => s.recipient)).toEqual([phone]);
    expect((await listSuppressions(h.db, { state: "lifted" })).items).toMatchObject([
      { recipient: to, active: false, liftReason: "customer fixed the mailbox" },
    ]);
    expect((await listSuppressions(h.db, { state: "all" })).items).toHaveLength(2);

    // The same list through the API, with its validation and its key.
    const listed = await callApi(suppressionsGET, {
      path: `/api/suppressions?state=all&q=${encodeURIComponent(nationalUs(phone))}`,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: Loose) => [s.recipient, s.reason])).toEqual([[phone, "invalid_number"]]);
    expectApiError(
      await callApi(suppressionsGET, { path: "/api/suppressions?state=gone" }),
      400,
      "invalid_request",
    );
    expectApiError(
      await callApi(suppressionsGET, { path: "/api/suppressions?cursor=x" }),
      400,
      "invalid_cursor",
    );
    expectApiError(
      await callApi(suppressionsGET, { path: "/api/suppressions", key: null }),
      401,
      "unauthorized",
    );
  });
});
