// Every page of the app shell: it renders in its navigation, passes the accessibility check in light and
// dark, and is photographed at laptop and phone width for a person to look at.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { captureLooks, SCHEMES } from "./support/screenshots";
import { signIn } from "./support/sign-in";

test.beforeEach(async ({ page }) => signIn(page));

const PAGES = [
  { url: "/", name: "overview", heading: "Overview" },
  { url: "/settings", name: "settings", heading: "Settings" },
  { url: "/events", name: "events", heading: "Events" },
  { url: "/operations", name: "operations", heading: "Operations" },
];

for (const target of PAGES) {
  test(`${target.url}: accessible in light and dark, screenshots`, async ({ page }) => {
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(target.url);
      await expect(page.getByRole("heading", { level: 1, name: target.heading })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
    await captureLooks(page, target.url, target.name);
  });
}

test("phone: the compact menu lists every section and marks the current one", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/events");
  await page.getByRole("button", { name: /Menu/ }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText([
    "Overview",
    "Messages",
    "Suppressions",
    "Events",
    "Operations",
    "Settings",
  ]);
  await expect(menu.getByRole("menuitem", { name: "Events" })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("menuitem", { name: "Operations" }).click();
  await expect(page).toHaveURL(/\/operations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  await expect(page).toHaveTitle(/Operations/);
  await expectNoSeriousA11yViolations(page);
});
