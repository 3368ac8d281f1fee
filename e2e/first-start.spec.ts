// Claiming a fresh instance: no user and no ADMIN_*, so the server prints a one-time setup link in its
// log; only that link opens the create-admin form, and only once.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { FRESH_BASE_URL, FRESH_LOG_FILE } from "./support/test-env";

function setupLinkFromLog(): string {
  const log = readFileSync(FRESH_LOG_FILE, "utf8");
  const match = /open this one-time link to create the first admin: (\S+?)"/.exec(log);
  if (!match) throw new Error(`no setup link in ${FRESH_LOG_FILE}`);
  return match[1];
}

test("first start: the setup link from the log creates the first admin, once", async ({ page }) => {
  // Arriving first without the link gets nothing: every page sends the visitor to sign-in.
  await page.goto(`${FRESH_BASE_URL}/settings`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await page.goto(`${FRESH_BASE_URL}/setup?token=not-the-token`);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  const link = setupLinkFromLog();
  expect(link).toMatch(new RegExp(`^${FRESH_BASE_URL}/setup\\?token=[A-Za-z0-9_-]{43}$`));
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Create the first admin" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password", { exact: true }).fill("a-long-first-password");
  await page.getByLabel("Repeat the password").fill("a-long-first-password");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toContainText("admin");
  await page.goto(`${FRESH_BASE_URL}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  // The link worked once: now it opens nothing, even for someone who copied it from the log.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});
