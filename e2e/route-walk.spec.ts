// Nothing but the webhooks and the health check answers an anonymous request. The route list is read
// from the file system (every app/**/page.tsx and route.ts, every exported HTTP method), so a route added
// later is walked too, and must either refuse strangers or be added to PUBLIC with a reason.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const APP = path.resolve("app");

/** Routes that answer anyone, on purpose. */
const PUBLIC: Record<string, string> = {
  "/webhooks/twilio": "Twilio calls it; the signature is the credential",
  "/webhooks/resend": "Resend calls it; the signature is the credential",
  "/webhooks/health": "load balancers and uptime monitors; shows no configuration",
  "/bench/noop": "404 unless SIGNALBOARD_BENCH is set (the benchmark's baseline)",
  "/api/auth/[...all]": "better-auth's sign-in and session endpoints (origin-checked, throttled)",
  "/sign-in": "the way in",
  "/setup": "opens only with the one-time token from the server log",
  "/invite": "opens only with an invitation token",
  "/reset-password": "opens only with a reset token",
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** "app/(dashboard)/messages/[id]/page.tsx" → "/messages/[id]" (route groups drop out of the URL). */
function routeOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

/** A concrete URL for a pattern: dynamic segments get a plausible value. */
function urlOf(route: string): string {
  return route
    .replace(/\[\.\.\.\w+\]/g, "x")
    .replace(/\[(\w+)\]/g, (_, name: string) =>
      name === "id" ? "00000000-0000-4000-8000-000000000000" : "x",
    );
}

const files = walk(APP);
const pages = files.filter((f) => /\/page\.tsx$/.test(f)).map(routeOf);
const handlers = files
  .filter((f) => /\/route\.ts$/.test(f))
  .flatMap((f) => {
    const source = readFileSync(f, "utf8");
    const methods = [...source.matchAll(/export const (?:\{ )?(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1],
    );
    return methods.map((method) => ({ route: routeOf(f), method }));
  });

test("the walk found the app's routes", () => {
  expect(pages).toEqual(expect.arrayContaining(["/", "/settings", "/sign-in"]));
  expect(handlers.map((h) => h.route)).toEqual(expect.arrayContaining(["/api/messages", "/webhooks/twilio"]));
  expect(handlers.length).toBeGreaterThan(10);
});

for (const route of pages.filter((p) => !PUBLIC[p])) {
  test(`page ${route}: an anonymous visitor is sent to sign-in`, async ({ request }) => {
    const response = await request.get(urlOf(route), { maxRedirects: 0 });
    expect(response.status(), route).toBe(307);
    expect(response.headers().location).toMatch(/^\/sign-in(\?next=|$)/);
  });
}

for (const { route, method } of handlers.filter((h) => !PUBLIC[h.route])) {
  test(`${method} ${route}: an anonymous caller gets 401 JSON`, async ({ request }) => {
    const response = await request.fetch(urlOf(route), {
      method,
      maxRedirects: 0,
      data: method === "GET" ? undefined : {},
    });
    expect(response.status(), `${method} ${route}`).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });
  test(`${method} ${route}: a wrong API key gets 401 too`, async ({ request }) => {
    const response = await request.fetch(urlOf(route), {
      method,
      headers: { Authorization: "Bearer sb_not-a-key" },
      data: method === "GET" ? undefined : {},
    });
    expect(response.status(), `${method} ${route}`).toBe(401);
  });
}

test("pages carry the security headers; webhooks do not pay for them", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["referrer-policy"]).toBe("same-origin");
  expect(page.headers()["x-frame-options"]).toBe("DENY");
  const health = await request.get("/webhooks/health");
  expect(health.headers()["content-security-policy"]).toBeUndefined();
});
