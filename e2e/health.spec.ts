// GET /webhooks/health on both end-to-end servers: healthy on embedded PGlite (200), and unhealthy (503)
// when PostgreSQL cannot be reached — where the home page must still render and say so.
import { expect, test } from "@playwright/test";
import packageJson from "../package.json";
import { BASE_URL, DOWN_BASE_URL, TEST_SECRETS, UNREACHABLE_DATABASE_URL } from "./support/test-env";

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test.describe("health check", () => {
  test("healthy server: 200 with the full body", async ({ request }) => {
    const response = await request.get(`${BASE_URL}/webhooks/health`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toContain("no-store");

    const body = await response.json();
    expect(body).toMatchObject({
      status: "healthy",
      service: "webhook_handlers",
      endpoints: { twilio: "/webhooks/twilio", resend: "/webhooks/resend" },
      version: packageJson.version,
      database: { status: "up", kind: "pglite" },
      configuration: { valid: true },
    });
    expect(body.timestamp).toMatch(ISO_TIMESTAMP);
    expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(60_000);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(typeof body.database.latencyMs).toBe("number");
    expect(body.configuration.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^WEBHOOK_BASE_URL .*not https/)]),
    );
    const raw = JSON.stringify(body);
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
      version: packageJson.version,
      database: { status: "down", kind: "postgres", latencyMs: null },
    });
    expect(body.timestamp).toMatch(ISO_TIMESTAMP);
    expect(body.database.error).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain(UNREACHABLE_DATABASE_URL);
  });

  test("database down: the settings page still renders and shows the database as down", async ({ page }) => {
    const response = await page.goto(`${DOWN_BASE_URL}/settings`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const database = page.getByTestId("database-indicator");
    await expect(database).toHaveAttribute("data-state", "down");
    await expect(database).toContainText("PostgreSQL");
    await expect(page.getByTestId("twilio-url")).toHaveText(`${DOWN_BASE_URL}/webhooks/twilio`);
    // DATABASE_URL is a secret too: "set", never shown.
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "DATABASE_URL", exact: true }) });
    await expect(row.getByRole("cell").first()).toHaveText("set");
    expect(await page.content()).not.toContain(UNREACHABLE_DATABASE_URL);
  });
});
