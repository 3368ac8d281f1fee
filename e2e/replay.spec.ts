// Replay in a real browser: one stored request replayed from its inspector and marked as a replay in the
// live log; and the recovery after a fix — requests rejected under a stale Twilio auth token are re-verified
// from /events once the server runs with the right token, and the message's status moves exactly once.
// The second test runs a server of its own (the "replay" role, e2e/support/test-env.ts), restarted on the
// same data directory with the fixed token, as an operator would. Webhooks are signed with the official
// twilio library; the dialog is checked with axe and photographed.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildTwilioRequest, twilioMessageSid, twilioStatusParams } from "../test/support/webhook-requests";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { captureLooks, SCHEMES, VIEWPORTS } from "./support/screenshots";
import { createUser, signIn } from "./support/sign-in";
import { BASE_URL, REPLAY_BASE_URL, TEST_SECRETS } from "./support/test-env";

/** What the replay server verifies with before the fix: not the token Twilio signs with. */
const STALE_TOKEN = "0ddba11c0ffee0ddba11c0ffee0ddba1";
const API = { Authorization: `Bearer ${TEST_SECRETS.API_KEY}` };

async function postTwilio(baseUrl: string, sid: string): Promise<string> {
  const built = buildTwilioRequest({
    params: twilioStatusParams({ MessageSid: sid }),
    authToken: TEST_SECRETS.TWILIO_AUTH_TOKEN,
    signedUrl: `${baseUrl}/webhooks/twilio`,
    origin: baseUrl,
  });
  const response = await fetch(built.url, built.init);
  return response.headers.get("x-request-id")!;
}

test("an admin replays one request from its inspector; the replay is marked in the log and linked both ways", async ({
  page,
  browser,
}) => {
  await signIn(page);
  const original = await postTwilio(BASE_URL, twilioMessageSid());
  await page.goto(`/events/${original}`);
  const panel = page.getByTestId("replay-panel");
  await panel.getByRole("button", { name: "Replay" }).click();
  await expect(panel.getByTestId("replay-result")).toContainText("Replayed: duplicate");
  await panel.getByRole("link", { name: "Open the replay" }).click();
  await expect(page).not.toHaveURL(new RegExp(original));
  const replayId = page.url().split("/").pop()!;
  await expect(page.getByTestId("replay-of")).toBeVisible();
  await expect(page.getByTestId("replay-of").getByRole("link")).toHaveAttribute(
    "href",
    `/events/${original}`,
  );

  await page.goto(`/events/${original}`);
  await expect(page.getByTestId("replays").getByRole("link")).toHaveAttribute("href", `/events/${replayId}`);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await expectNoSeriousA11yViolations(page);
  }
  await captureLooks(page, `/events/${original}`, "replay-inspector");

  await page.goto("/events");
  const row = page.locator(`[data-request-id="${replayId}"]`);
  await expect(row.getByTestId("replay-mark")).toHaveText("Replay");
  await expect(page.locator(`[data-request-id="${original}"]`).getByTestId("replay-mark")).toHaveCount(0);

  // In the audit trail, with the replay it made.
  await page.goto("/settings");
  await page.getByRole("tab", { name: "Audit trail" }).click();
  await expect(
    page.getByRole("row").filter({ hasText: "request.replayed" }).filter({ hasText: original }).first(),
  ).toBeVisible();

  // Support reads the log and the inspector but may not replay.
  const support = await createUser(page.request, "support");
  const context = await browser.newContext({ baseURL: BASE_URL });
  const theirs = await context.newPage();
  await signIn(theirs, support);
  await theirs.goto(`/events/${original}`);
  await expect(theirs.getByTestId("replay-panel")).toContainText("Only an admin may replay requests.");
  await expect(theirs.getByTestId("replay-panel").getByRole("button")).toHaveCount(0);
  await theirs.goto("/events");
  await expect(theirs.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(theirs.getByRole("button", { name: "Re-verify rejected requests" })).toHaveCount(0);
  expect((await theirs.request.get("/api/events/replay-runs/latest")).status()).toBe(403);
  await context.close();
});

// ------------------------------------------------------------------------- the recovery after a fix

/** The replay role's server, on a data directory that outlives it. */
class ReplayServer {
  private child: ChildProcess | null = null;
  constructor(private readonly dataDir: string) {}

  async start(twilioToken: string): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "e2e/support/start-server.ts", "replay"], {
      env: { ...process.env, E2E_DATA_DIR: this.dataDir, E2E_REPLAY_TWILIO_AUTH_TOKEN: twilioToken },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    this.child = child;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`replay server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${REPLAY_BASE_URL}/webhooks/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("replay server did not become healthy");
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
    this.child = null;
  }
}

async function openReverifyDialog(page: Page) {
  await page.getByRole("button", { name: "Re-verify rejected requests" }).click();
  const dialog = page.getByRole("dialog", { name: "Re-verify rejected requests" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("requests rejected under a stale auth token are re-verified after the fix, and the message moves once", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "signalboard-e2e-replay-"));
  const server = new ReplayServer(dataDir);
  try {
    await server.start(STALE_TOKEN);
    const sid = twilioMessageSid();
    const registered = await fetch(`${REPLAY_BASE_URL}/api/messages`, {
      method: "POST",
      headers: { ...API, "content-type": "application/json" },
      body: JSON.stringify({ channel: "sms", to: "+14155550123", provider: "twilio", externalId: sid }),
    });
    expect(registered.status).toBe(201);
    const messageId = ((await registered.json()) as { id: string }).id;
    const rejected = await postTwilio(REPLAY_BASE_URL, sid);
    const message = async () =>
      (await (await fetch(`${REPLAY_BASE_URL}/api/messages/${messageId}`, { headers: API })).json()) as {
        status: string;
        timeline: Array<{ kind: string; status: string }>;
      };
    expect((await message()).status).toBe("registered");

    // The fix: the server restarts with the token Twilio signs with.
    await server.stop();
    await server.start(TEST_SECRETS.TWILIO_AUTH_TOKEN);

    await signIn(page, undefined, REPLAY_BASE_URL);
    await page.goto(`${REPLAY_BASE_URL}/events`);
    await expect(page.locator(`[data-request-id="${rejected}"]`)).toContainText("Rejected signature");
    let dialog = await openReverifyDialog(page);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByLabel("Provider").selectOption("twilio");
    await dialog.getByRole("button", { name: "Re-verify", exact: true }).click();
    const run = dialog.getByTestId("reverify-run");
    await expect(run).toHaveAttribute("data-status", "finished");
    await expect(run.getByTestId("reverify-passed")).toHaveText("1");
    await expect(run.getByTestId("reverify-still-failing")).toHaveText("0");
    await expect(run.getByTestId("reverify-progress")).toContainText(
      "Done: 1 of 1 Twilio signature rejections",
    );

    const after = await message();
    expect(after.status).toBe("delivered");
    expect(after.timeline.filter((e) => e.kind === "event")).toHaveLength(1);

    // Once recovered, a second run has nothing left to do, and the status moved only once.
    await dialog.getByRole("button", { name: "Re-verify", exact: true }).click();
    await expect(run.getByTestId("reverify-progress")).toContainText("Done: 0 of 0");
    expect((await message()).timeline.filter((e) => e.kind === "event")).toHaveLength(1);

    // The rejected original, recovered: its kept signature shown redacted, and its replay linked.
    await page.goto(`${REPLAY_BASE_URL}/events/${rejected}`);
    const panel = page.getByTestId("replay-panel");
    await expect(panel).toContainText("Signature kept for re-verification");
    await expect(panel).toContainText(/x-twilio-signature\s*\[kept for re-verification, 28 chars\]/);
    await expect(panel.getByTestId("replays")).toContainText("Accepted");
    await expect(panel.getByRole("button", { name: "Re-verify and replay" })).toBeVisible();
    await captureLooks(page, `${REPLAY_BASE_URL}/events/${rejected}`, "replay-rejected-inspector");

    // The dialog, in every look: accessible in light and dark, photographed at laptop and phone width.
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.goto(`${REPLAY_BASE_URL}/events`);
        dialog = await openReverifyDialog(page);
        await expect(dialog.getByTestId("reverify-run")).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        await page.screenshot({
          path: `test-results/screenshots/replay-reverify-dialog-${viewport.name}-${scheme}.png`,
        });
      }
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
