// The order in which the end-to-end tests pick a Chromium (e2e/support/browser.ts), on a simulated machine:
// which files exist, which variables are set, whether Playwright's own browser is on disk.
import { describe, expect, it } from "vitest";
import {
  CHROMIUM_ARGS,
  SYSTEM_CHROMIUM,
  SYSTEM_FONTCONFIG,
  chooseBrowser,
  type BrowserProbe,
} from "../e2e/support/browser";

const BUNDLED = "/tmp/chromium";

function machine(
  options: {
    env?: Record<string, string>;
    files?: string[];
    playwright?: string;
    bundledFails?: boolean;
  } = {},
) {
  const unpacked: string[] = [];
  const files = new Set(options.files ?? []);
  const probe: BrowserProbe = {
    env: options.env ?? {},
    exists: (path) => files.has(path),
    playwrightBrowser: () => options.playwright,
    unpackBundledBrowser: () => {
      if (options.bundledFails) throw new Error("Cannot find package '@sparticuz/chromium'");
      unpacked.push(BUNDLED);
      return BUNDLED;
    },
  };
  return { probe, unpacked };
}

describe("the browser for the end-to-end tests", () => {
  it("takes CHROMIUM_PATH first, even when a system Chromium exists", () => {
    const { probe, unpacked } = machine({
      env: { CHROMIUM_PATH: "/opt/chrome/chrome" },
      files: ["/opt/chrome/chrome", SYSTEM_CHROMIUM],
      playwright: "/pw/chrome",
    });
    const choice = chooseBrowser(probe);
    expect(choice.source).toBe("CHROMIUM_PATH");
    expect(choice.launchOptions).toEqual({ executablePath: "/opt/chrome/chrome", args: CHROMIUM_ARGS });
    expect(unpacked).toEqual([]);
  });

  it("refuses a CHROMIUM_PATH that does not exist instead of quietly using another browser", () => {
    const { probe } = machine({ env: { CHROMIUM_PATH: "/nope" }, files: [SYSTEM_CHROMIUM] });
    expect(() => chooseBrowser(probe)).toThrow(/CHROMIUM_PATH=\/nope does not exist/);
  });

  it("takes the system Chromium before Playwright's own browser", () => {
    const { probe } = machine({ files: [SYSTEM_CHROMIUM], playwright: "/pw/chrome" });
    expect(chooseBrowser(probe)).toMatchObject({ source: "system", executablePath: SYSTEM_CHROMIUM });
  });

  it("takes Playwright's own browser, with Playwright's own launch options, before the bundled one", () => {
    const { probe, unpacked } = machine({ playwright: "/pw/chrome" });
    expect(chooseBrowser(probe)).toEqual({
      source: "playwright",
      executablePath: "/pw/chrome",
      launchOptions: {},
    });
    expect(unpacked).toEqual([]);
  });

  it("falls back to the browser npm install brought, on a machine with no other", () => {
    const { probe, unpacked } = machine({ files: [SYSTEM_FONTCONFIG] });
    const choice = chooseBrowser(probe);
    expect(choice).toEqual({
      source: "bundled",
      executablePath: BUNDLED,
      launchOptions: { executablePath: BUNDLED, args: CHROMIUM_ARGS },
    });
    expect(unpacked).toEqual([BUNDLED]);
    // @sparticuz/chromium's Lambda flag that closes the browser on a second page is not passed.
    expect(choice.launchOptions.args).not.toContain("--single-process");
  });

  it("E2E_BROWSER=bundled forces the bundled browser over every other", () => {
    const { probe } = machine({
      env: { E2E_BROWSER: "bundled", CHROMIUM_PATH: "/opt/chrome/chrome" },
      files: ["/opt/chrome/chrome", SYSTEM_CHROMIUM, SYSTEM_FONTCONFIG],
      playwright: "/pw/chrome",
    });
    expect(chooseBrowser(probe)).toMatchObject({ source: "bundled", executablePath: BUNDLED });
  });

  it("gives the bundled browser its own fonts only where the system has no fontconfig", () => {
    const { probe } = machine({ env: { E2E_BROWSER: "bundled", HOME: "/root" } });
    expect(chooseBrowser(probe).launchOptions.env).toEqual({
      E2E_BROWSER: "bundled",
      HOME: "/root",
      FONTCONFIG_PATH: "/tmp/fonts",
    });
  });

  it("rejects an unknown E2E_BROWSER value", () => {
    const { probe } = machine({ env: { E2E_BROWSER: "firefox" }, files: [SYSTEM_CHROMIUM] });
    expect(() => chooseBrowser(probe)).toThrow(/E2E_BROWSER=firefox is not one of: auto, bundled/);
  });

  it("says how to get a browser when even the bundled one cannot be unpacked", () => {
    const { probe } = machine({ bundledFails: true });
    expect(() => chooseBrowser(probe)).toThrow(/No Chromium for the end-to-end tests[\s\S]*CHROMIUM_PATH/);
  });
});
