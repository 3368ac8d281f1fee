// Who may call the API, on every target, through the real route handlers and better-auth's real
// endpoint: dashboard keys by scope (honoured and refused at once), sessions by role, marketing masked,
// the origin check on cookie-authorised changes, sign-in throttling stored in the database, disabled users.
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { GET as messageGET } from "@/app/api/messages/[id]/route";
import { GET as messagesGET, POST as messagesPOST } from "@/app/api/messages/route";
import { GET as metricsGET } from "@/app/api/metrics/summary/route";
import { GET as suppressionGET } from "@/app/api/suppressions/[recipient]/route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/keys";
import { getAuth, resetAuth } from "@/lib/auth/server";
import { createUserWithPassword, setUserDisabled } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/roles";
import { testTargets } from "../support/databases";
import { PUBLIC_BASE_URL } from "../support/webhook-requests";
import { BASE_ENV, callApi, useMessagesHarness } from "../messages/harness";

const PASSWORD = "correct-horse-battery";

async function signInRaw(email: string, password: string, ip = "203.0.113.7"): Promise<Response> {
  return getAuth().handler(
    new Request(`${PUBLIC_BASE_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC_BASE_URL, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe.each(testTargets)("API access on %s", (target) => {
  const h = useMessagesHarness(target);

  async function sessionCookie(role: Role): Promise<string> {
    const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`;
    await createUserWithPassword(h.db, { email, name: role, role, password: PASSWORD });
    const response = await signInRaw(email, PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    return cookie!.split(";")[0];
  }

  async function registerSms(to: string): Promise<string> {
    const created = await callApi<{ id: string }>(messagesPOST, {
      path: "/api/messages",
      body: { channel: "sms", to },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it("a read key reads, may not write, records its last use, and is refused the moment it is revoked", async () => {
    resetAuth();
    const key = await createApiKey(h.db, { name: "reporting", scope: "read" });
    const read = await callApi(metricsGET, { path: "/api/metrics/summary", key: key.key });
    expect(read.status).toBe(200);
    const write = await callApi(messagesPOST, {
      path: "/api/messages",
      key: key.key,
      body: { channel: "sms", to: "+14155550100" },
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: { code: "insufficient_scope" } });
    const row = await h.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.keyHash).not.toContain(key.key.slice(3));

    await revokeApiKey(h.db, key.id);
    expect((await callApi(metricsGET, { path: "/api/metrics/summary", key: key.key })).status).toBe(401);
  });

  it("a write key registers messages; an unknown sb_ key is refused", async () => {
    const key = await createApiKey(h.db, { name: "checkout", scope: "write" });
    const created = await callApi(messagesPOST, {
      path: "/api/messages",
      key: key.key,
      body: { channel: "sms", to: "+14155550101" },
    });
    expect(created.status).toBe(201);
    expect((await callApi(metricsGET, { path: "/api/metrics/summary", key: "sb_unknown" })).status).toBe(401);
  });

  it("marketing reads messages with every recipient masked and reaches nothing else", async () => {
    const id = await registerSms("+14155550123");
    await callApi(messagesPOST, {
      path: "/api/messages",
      body: { channel: "email", to: "jane@example.com" },
    });
    const cookie = await sessionCookie("marketing");
    const list = await callApi(messagesGET, { path: "/api/messages", key: null, headers: { cookie } });
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain("4155550123");
    expect(text).not.toContain("jane@");
    expect(text).toContain("+1•••••0123");
    expect(text).toContain("j•••@example.com");
    const detail = await callApi(messageGET, {
      path: `/api/messages/${id}`,
      route: "/api/messages/[id]",
      key: null,
      headers: { cookie },
    });
    expect(JSON.stringify(detail.body)).not.toContain("4155550123");
    const suppression = await callApi(suppressionGET, {
      path: `/api/suppressions/${encodeURIComponent("+14155550123")}`,
      route: "/api/suppressions/[recipient]",
      key: null,
      headers: { cookie },
    });
    expect(suppression.status).toBe(403);
    const write = await callApi(messagesPOST, {
      path: "/api/messages",
      key: null,
      headers: { cookie, origin: "http://localhost:3000" },
      body: { channel: "sms", to: "+14155550124" },
    });
    expect(write.status).toBe(403);
  });

  it("support sees full recipients; its cookie-authorised changes need our own Origin", async () => {
    const id = await registerSms("+14155550125");
    const cookie = await sessionCookie("support");
    const detail = await callApi(messageGET, {
      path: `/api/messages/${id}`,
      route: "/api/messages/[id]",
      key: null,
      headers: { cookie },
    });
    expect(JSON.stringify(detail.body)).toContain("+14155550125");
    const body = { channel: "sms", to: "+14155550126" };
    const noOrigin = await callApi(messagesPOST, {
      path: "/api/messages",
      key: null,
      headers: { cookie },
      body,
    });
    expect(noOrigin.status).toBe(403);
    const foreign = await callApi(messagesPOST, {
      path: "/api/messages",
      key: null,
      headers: { cookie, origin: "https://evil.example" },
      body,
    });
    expect(foreign.body).toMatchObject({ error: { code: "cross_origin" } });
    const own = await callApi(messagesPOST, {
      path: "/api/messages",
      key: null,
      headers: { cookie, origin: PUBLIC_BASE_URL },
      body,
    });
    expect(own.status).toBe(201);
  });

  it("a wrong password is refused; repeated attempts are throttled, counted in the database", async () => {
    h.configure({ ...BASE_ENV, SIGN_IN_RATE_LIMIT: "3" });
    resetAuth();
    await createUserWithPassword(h.db, {
      email: "ada@example.test",
      name: "Ada",
      role: "admin",
      password: PASSWORD,
    });
    const wrong = await signInRaw("ada@example.test", "not-the-password", "198.51.100.9");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
    await signInRaw("ada@example.test", "not-the-password", "198.51.100.9");
    await signInRaw("ada@example.test", "not-the-password", "198.51.100.9");
    const throttled = await signInRaw("ada@example.test", PASSWORD, "198.51.100.9");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(await h.db.prisma.rateLimit.count()).toBeGreaterThan(0);
    // Another address is not throttled by the first one's failures.
    expect((await signInRaw("ada@example.test", PASSWORD, "198.51.100.10")).status).toBe(200);
    resetAuth();
  });

  it("a disabled user cannot sign in, and their open session is refused at once", async () => {
    resetAuth();
    const cookie = await sessionCookie("support");
    const user = await h.db.prisma.user.findFirstOrThrow({ where: { role: "support" } });
    expect(
      (await callApi(metricsGET, { path: "/api/metrics/summary", key: null, headers: { cookie } })).status,
    ).toBe(200);
    await setUserDisabled(h.db, user.id, true);
    expect(
      (await callApi(metricsGET, { path: "/api/metrics/summary", key: null, headers: { cookie } })).status,
    ).toBe(401);
    const again = await signInRaw(user.email, PASSWORD, "192.0.2.44");
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ code: "ACCOUNT_DISABLED" });
  });
});
