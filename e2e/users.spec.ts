// An admin manages people on Settings → Users: invites with a one-time link, changes a role, disables a
// user (whose open session ends at once), and hands out a password reset link. Each is in the audit trail.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { signIn } from "./support/sign-in";

async function openUsers(page: Page): Promise<void> {
  await page.goto("/settings");
  await page.getByRole("tab", { name: "Users" }).click();
}

test("invite, change role, reset password, disable", async ({ page, browser }) => {
  await signIn(page);
  await openUsers(page);
  const email = `invitee-${Date.now()}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("support");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const invite = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(invite).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);

  // The invitee, in a browser of their own.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(invite);
  await expect(them.getByLabel("Email")).toHaveValue(email);
  await expectNoSeriousA11yViolations(them);
  await them.getByLabel("Your name").fill("Ivy Invitee");
  await them.getByLabel("Password", { exact: true }).fill("ivy-invitee-password");
  await them.getByLabel("Repeat the password").fill("ivy-invitee-password");
  await them.getByRole("button", { name: "Join and sign in" }).click();
  await expect(them.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(
    them.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Suppressions" }),
  ).toBeVisible();

  // Role: support → marketing; the next page they open shows marketing's sections only.
  await openUsers(page);
  await page.getByLabel(`Role of ${email}`).selectOption("marketing");
  await expect(page.getByRole("status").filter({ hasText: "Role changed to marketing" })).toBeVisible();
  await them.reload();
  await expect(
    them.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Suppressions" }),
  ).toHaveCount(0);

  // A reset link is shown once, for the admin to hand over.
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByTestId("reset-link")).toContainText("/reset-password?token=");

  // Disabled: their open session is refused on the next request.
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  await them.reload();
  await expect(them).toHaveURL(/\/sign-in/);
  await theirs.close();

  await page.getByRole("tab", { name: "Audit trail" }).click();
  for (const action of [
    "user.invited",
    "user.created",
    "user.role_changed",
    "user.password_reset_link",
    "user.disabled",
  ])
    await expect(
      page.getByRole("row").filter({ hasText: action }).filter({ hasText: email }).first(),
    ).toBeVisible();
});

test("settings tabs: accessible in light and dark, screenshots", async ({ page }) => {
  await signIn(page);
  for (const tab of ["Users", "API keys", "Audit trail"]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/settings");
      await page.getByRole("tab", { name: tab }).click();
      await expectNoSeriousA11yViolations(page);
    }
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/settings");
      await page.getByRole("tab", { name: tab }).click();
      const name = tab.toLowerCase().replace(/ /g, "-");
      // Every tab is in sight, and the users are read without scrolling sideways, on a phone too.
      await expect(page.getByRole("tab", { name: "Audit trail" })).toBeInViewport({ ratio: 1 });
      if (tab === "Users") {
        const users = page.locator('[role="region"][aria-label="Users"]');
        const overflow = await users.evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(overflow, `the users table at ${width} px scrolls sideways by ${overflow} px`).toBe(0);
      }
      await page.screenshot({
        path: `test-results/screenshots/settings-${name}-${width}.png`,
        fullPage: true,
      });
    }
  }
});
