// Screenshots of a page in the four looks a user meets: light and dark, laptop (1280) and phone (390).
// Saved under test-results/screenshots/ for a person to look at (they are not compared pixel by pixel).
import type { Page } from "@playwright/test";

export const VIEWPORTS = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

export const SCHEMES = ["light", "dark"] as const;

export async function captureLooks(page: Page, url: string, name: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(url);
      await page.locator("main").waitFor();
      await page.screenshot({
        path: `test-results/screenshots/${name}-${viewport.name}-${scheme}.png`,
        fullPage: true,
      });
    }
  }
}

/**
 * The four looks of the page as it is now, without loading it again: a state that a reload would lose
 * (paused, disconnected from a stopped server).
 */
export async function captureCurrentLooks(page: Page, name: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.screenshot({
        path: `test-results/screenshots/${name}-${viewport.name}-${scheme}.png`,
        fullPage: true,
      });
    }
  }
}
