// Signing in and out through the form, as a person does.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { captureLooks } from "./support/screenshots";
import { ADMIN } from "./support/test-env";

test("a wrong password is refused with a clear message; the right one signs in; sign-out signs out", async ({
  page,
}) => {
  await page.goto("/messages?q=abc");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmessages%3Fq%3Dabc$/);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toHaveText("Wrong email or password.");
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.name.includes("session_token"))).toEqual([]);

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/messages\?q=abc$/);
  const session = (await page.context().cookies()).find((c) => c.name.includes("session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(session!.expires).toBeGreaterThan(Date.now() / 1000 + 6 * 24 * 3600);

  await page.goto("/");
  await page.getByTestId("user-menu").click();
  await expect(page.getByRole("menu")).toContainText(ADMIN.email);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
});

test("sign-in page: screenshots", async ({ page }) => {
  await captureLooks(page, "/sign-in", "sign-in");
});
