// The operations page in a real browser: signed webhooks posted during the test (official libraries,
// e2e/support/overview-traffic.ts) show up in its figures after a reload, read from the per-minute rollup;
// the range lives in the URL; the recommended Twilio callback carries its retry fragment; marketing users
// are turned away. The server is shared with other specs, so figures are compared before and after.
import { expect, test, type Page } from "@playwright/test";
import twilio from "twilio";
import { encodeForm, twilioStatusParams } from "../test/support/webhook-requests";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { newPhone, newSid, postEmail, postSms } from "./support/overview-traffic";
import { captureLooks } from "./support/screenshots";
import { createUser, signIn } from "./support/sign-in";
import { BASE_URL } from "./support/test-env";

test.describe.configure({ mode: "serial" });

const count = async (page: Page, id: string) =>
  Number((await page.getByTestId(`${id}-value`).textContent())!.replace(/[^\d]/g, ""));

test("posted webhooks appear in the counts, the chart and the providers' last callback", async ({ page }) => {
  await signIn(page);
  await page.goto("/operations?range=1h");
  await expect(page.getByRole("heading", { name: "Operations", level: 1 })).toBeVisible();
  const before = {
    total: await count(page, "total"),
    accepted: await count(page, "accepted"),
    rejected: await count(page, "rejected"),
    signature: await count(page, "signature-failures"),
    unmatched: await count(page, "unmatched"),
  };

  // Three unmatched SMS callbacks, one unmatched email event, and one callback signed with the wrong token.
  for (let i = 0; i < 3; i++)
    expect(await postSms(page.request, { sid: newSid(), to: newPhone(), status: "delivered" })).toBe(
      "unmatched",
    );
  expect(
    await postEmail(page.request, { emailId: crypto.randomUUID(), to: "ops@example.com", type: "delivered" }),
  ).toBe("unmatched");
  const url = `${BASE_URL}/webhooks/twilio`;
  const params = twilioStatusParams() as Record<string, string>;
  const forged = await page.request.post(url, {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature("0".repeat(32), url, params),
    },
    data: encodeForm(params),
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);

  await page.reload();
  await expect(page.getByTestId("total-value")).toHaveText(String(before.total + 5));
  expect(await count(page, "accepted")).toBe(before.accepted + 4);
  expect(await count(page, "rejected")).toBe(before.rejected + 1);
  expect(await count(page, "signature-failures")).toBe(before.signature + 1);
  expect(await count(page, "unmatched")).toBe(before.unmatched + 4);
  await expect(page.getByTestId("p95-value")).toHaveText(/^≤ \d/);
  await expect(page.getByTestId("twilio-activity")).toContainText("Last callback less than a minute ago");
  await expect(page.getByTestId("resend-activity")).toContainText("Last event less than a minute ago");
  await expect(page.getByTestId("request-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();

  await expect(page.getByTestId("twilio-callback-url")).toHaveText(
    `${BASE_URL}/webhooks/twilio#rc=5&rp=5xx,ct,rt`,
  );
  await expect(
    page.getByRole("button", { name: "Copy the recommended Twilio status callback" }),
  ).toBeVisible();
  await expect(page.getByTestId("resend-url")).toHaveText(`${BASE_URL}/webhooks/resend`);
  await expect(page.getByRole("heading", { name: "Configuration check" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await captureLooks(page, "/operations?range=1h", "operations");
});

test("the range is in the URL and survives a reload", async ({ page }) => {
  await signIn(page);
  await page.goto("/operations");
  await expect(page.getByRole("button", { name: /24 h/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Requests per 10 minutes", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /7 d/ }).click();
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(page.getByText("Requests per hour", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: /7 d/ }).first()).toHaveAttribute("aria-pressed", "true");
  await expectNoSeriousA11yViolations(page);
});

test("support may open it; marketing may not", async ({ browser, page }) => {
  await signIn(page);
  for (const role of ["support", "marketing"] as const) {
    const who = await createUser(page.request, role);
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, who);
    const response = await other.goto("/operations");
    if (role === "support") {
      expect(response?.status()).toBe(200);
      await expect(other.getByTestId("total-value")).toBeVisible();
      // Settings is for admins: support is not sent there.
      await expect(
        other.getByRole("link", { name: "Settings", exact: true }).and(other.locator("main a")),
      ).toHaveCount(0);
    } else {
      await expect(other.getByTestId("total-value")).toHaveCount(0);
    }
    await context.close();
  }
});
