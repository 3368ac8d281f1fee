// The settings page as a person sees it in the browser: the URLs to paste into the providers, the database state,
// and the configuration — with every secret shown as "set" and its value nowhere in the page.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { BASE_URL, TEST_SECRETS } from "./support/test-env";

test.describe("settings page (healthy server, embedded PGlite)", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("shows the heading, the webhook URLs and the database as up", async ({ page }) => {
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(200);

    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
    const urls = page.getByRole("region", { name: "Webhook URLs" });
    await expect(urls.getByTestId("twilio-url")).toHaveText(`${BASE_URL}/webhooks/twilio`);
    await expect(urls.getByTestId("resend-url")).toHaveText(`${BASE_URL}/webhooks/resend`);
    // The callback to paste into Twilio carries the fragment that makes Twilio retry our 503s.
    await expect(page.getByTestId("twilio-callback-url")).toHaveText(
      `${BASE_URL}/webhooks/twilio#rc=5&rp=5xx,ct,rt`,
    );

    const database = page.getByTestId("database-indicator");
    await expect(database).toHaveAttribute("data-state", "up");
    await expect(database).toContainText("embedded PGlite");
    // The launcher keeps a developer's .env.local out: no generated development secrets here.
    await expect(page.getByText(/development secret/i)).toHaveCount(0);
  });

  test("lists secrets as set, shows none of their values, and warns that the base URL is not https", async ({
    page,
  }) => {
    await page.goto("/settings");
    const configuration = page.getByRole("region", { name: "Configuration" });

    for (const secret of ["TWILIO_AUTH_TOKEN", "RESEND_WEBHOOK_SECRET", "API_KEYS"]) {
      const row = configuration
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: secret, exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole("cell").first()).toHaveText("set");
      await expect(row.getByRole("cell").nth(1)).toHaveText("hidden");
    }
    const unset = configuration
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "DATABASE_URL", exact: true }) });
    await expect(unset.getByRole("cell").first()).toHaveText("not set");

    const warnings = configuration.getByRole("list", { name: "Configuration warnings" });
    await expect(warnings.getByRole("listitem").filter({ hasText: "WEBHOOK_BASE_URL" })).toContainText(
      "is not https",
    );

    // Neither the rendered page nor the server's HTML (which carries the React payload) holds a secret.
    const rendered = await page.content();
    const served = await (await page.request.get("/settings")).text();
    const secretValues = [
      TEST_SECRETS.TWILIO_AUTH_TOKEN,
      TEST_SECRETS.RESEND_WEBHOOK_SECRET,
      TEST_SECRETS.RESEND_WEBHOOK_SECRET.slice("whsec_".length),
      TEST_SECRETS.API_KEY,
    ];
    for (const value of secretValues) {
      expect(rendered, "a secret value in the rendered page").not.toContain(value);
      expect(served, "a secret value in the served HTML").not.toContain(value);
    }
    expect(served).toContain("TWILIO_AUTH_TOKEN"); // the check above looked at the real page
  });
});
