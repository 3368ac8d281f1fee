// GET /webhooks/health on both end-to-end servers: healthy on embedded PGlite (200), and unhealthy (503)
// when PostgreSQL cannot be reached — where the home page must still render and say so.
import { expect, test } from "@playwright/test";
import { BASE_URL, DOWN_BASE_URL, TEST_SECRETS, UNREACHABLE_DATABASE_URL } from "./support/test-env";

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test.describe("health check", () => {
  test("healthy server: 200 with the full body", async ({ request }) => {
    const response = await request.get(`${BASE_URL}/webhooks/health`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toContain("no-store");

    const body = await response.json();
    // The documented shape and the database state: nothing from the configuration (it answers anyone).
    expect(Object.keys(body).sort()).toEqual(["database", "endpoints", "service", "status", "timestamp"]);
    expect(body).toMatchObject({
      status: "healthy",
      service: "webhook_handlers",
      endpoints: { twilio: "/webhooks/twilio", resend: "/webhooks/resend" },
      database: { status: "up" },
    });
    expect(body.timestamp).toMatch(ISO_TIMESTAMP);
    expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(60_000);
    expect(typeof body.database.latencyMs).toBe("number");
    const raw = JSON.stringify(body);
    expect(raw).not.toMatch(/WEBHOOK_BASE_URL|warning|pglite/i);
    for (const secret of Object.values(TEST_SECRETS)) expect(raw).not.toContain(secret);
  });

  test("database down: 503, unhealthy, database down", async ({ request }) => {
    const response = await request.get(`${DOWN_BASE_URL}/webhooks/health`);
    expect(response.status()).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "unhealthy",
      service: "webhook_handlers",
      endpoints: { twilio: "/webhooks/twilio", resend: "/webhooks/resend" },
      database: { status: "down", latencyMs: null },
    });
    expect(body.timestamp).toMatch(ISO_TIMESTAMP);
    expect(JSON.stringify(body)).not.toContain(UNREACHABLE_DATABASE_URL);
  });

  test("database down: a page sends the visitor to sign-in, which says the database is not answering", async ({
    page,
  }) => {
    const response = await page.goto(`${DOWN_BASE_URL}/settings`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(`${DOWN_BASE_URL}/sign-in?next=%2Fsettings`);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("database-down")).toContainText("database is not answering");
    expect(await page.content()).not.toContain(UNREACHABLE_DATABASE_URL);
  });
});
