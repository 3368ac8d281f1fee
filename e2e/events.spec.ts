// The live log (/events) in a real browser: a webhook posted during the test appears without a reload, a
// filter narrows the stream (on the server), pause holds new rows and resume shows them; accessible in
// light and dark, photographed at laptop and phone width. Webhooks are signed with the official libraries.
import { expect, test, type Page, type Request } from "@playwright/test";
import { buildTwilioRequest, twilioStatusParams, twilioMessageSid } from "../test/support/webhook-requests";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { captureCurrentLooks, captureLooks, SCHEMES } from "./support/screenshots";
import { signIn } from "./support/sign-in";
import { BASE_URL, TEST_SECRETS } from "./support/test-env";

test.beforeEach(async ({ page }) => signIn(page));

/** A Twilio status callback signed over the server's public URL; a wrong token makes it a rejection. */
async function postTwilio(options: { sid?: string; authToken?: string } = {}): Promise<string> {
  const built = buildTwilioRequest({
    params: twilioStatusParams({ MessageSid: options.sid ?? twilioMessageSid() }),
    authToken: options.authToken ?? TEST_SECRETS.TWILIO_AUTH_TOKEN,
    signedUrl: `${BASE_URL}/webhooks/twilio`,
    origin: BASE_URL,
  });
  const response = await fetch(built.url, built.init);
  return response.headers.get("x-request-id")!;
}

const row = (page: Page, requestId: string) => page.locator(`[data-request-id="${requestId}"]`);

async function openLive(page: Page, url = "/events") {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByTestId("stream-status")).toContainText("Live");
}

test("a webhook posted while the page is open appears without a reload", async ({ page }) => {
  const before = await postTwilio();
  await openLive(page);
  await expect(row(page, before)).toBeVisible(); // the server's first paint
  const sid = twilioMessageSid();
  const during = await postTwilio({ sid });
  const fresh = row(page, during);
  await expect(fresh).toBeVisible();
  await expect(fresh).toContainText("Unmatched");
  await expect(fresh).toContainText("200");
  await expect(page.getByTestId("event-row").first()).toHaveAttribute("data-request-id", during);
  // The inspector is one click away.
  await expect(fresh.getByRole("link").first()).toHaveAttribute("href", `/events/${during}`);
});

test("an outcome filter narrows the stream on the server, and lives in the URL", async ({ page }) => {
  await openLive(page);
  await page.getByLabel("Outcome").selectOption("rejected_signature");
  await expect(page).toHaveURL(/outcome=rejected_signature/);
  // The page's stream is reopened with the filter.
  const live = page.locator('[data-stream-query="outcome=rejected_signature"]');
  await expect(live.getByTestId("stream-status")).toContainText("Live");
  const accepted = await postTwilio();
  const rejected = await postTwilio({ authToken: "0".repeat(32) });
  await expect(row(page, rejected)).toBeVisible();
  await expect(row(page, rejected)).toContainText("Rejected signature");
  await expect(row(page, rejected)).toContainText("401");
  await expect(row(page, accepted)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Outcome")).toHaveValue("rejected_signature");
  await expect(row(page, rejected)).toBeVisible();
  await expect(row(page, accepted)).toHaveCount(0);
});

test("pause holds new rows and counts them; resume shows them", async ({ page }) => {
  await openLive(page);
  await page.getByRole("button", { name: "Pause" }).click();
  const held = [await postTwilio(), await postTwilio()];
  await expect(page.getByTestId("held-count")).toHaveText("2 new requests while paused");
  await expect(page.getByTestId("stream-status")).toContainText("Paused");
  for (const id of held) await expect(row(page, id)).toHaveCount(0);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousA11yViolations(page);
  }
  await captureCurrentLooks(page, "events-paused");
  await page.getByRole("button", { name: "Resume" }).click();
  for (const id of held) await expect(row(page, id)).toBeVisible();
  await expect(page.getByTestId("held-count")).toHaveCount(0);
  await expect(page.getByTestId("stream-status")).toContainText("Live");
});

test("the tabs of one browser share one stream; when the leading tab closes, another takes over", async ({
  context,
  page,
}) => {
  // The stream requests of this browser (its context), and which of them are still open.
  const open = new Set<Request>();
  let opened = 0;
  const isStream = (request: Request) => new URL(request.url()).pathname === "/api/events/stream";
  context.on("request", (request) => {
    if (!isStream(request)) return;
    open.add(request);
    opened++;
  });
  context.on("requestfinished", (request) => void open.delete(request));
  context.on("requestfailed", (request) => void open.delete(request));

  await openLive(page);
  const second = await context.newPage();
  await openLive(second);
  await expect(page.getByTestId("stream-status")).toHaveAttribute("data-stream-role", "leader");
  await expect(second.getByTestId("stream-status")).toHaveAttribute("data-stream-role", "follower");
  await expect(second.getByTestId("stream-status")).toContainText("shared with another tab");
  expect(opened).toBe(1);
  expect([...open].map((r) => r.frame().page())).toEqual([page]);

  const both = await postTwilio();
  await expect(row(page, both)).toHaveCount(1);
  await expect(row(second, both)).toHaveCount(1);
  expect(opened).toBe(1);

  await page.close();
  await expect(second.getByTestId("stream-status")).toHaveAttribute("data-stream-role", "leader");
  await expect(second.getByTestId("stream-status")).toContainText("Live");
  const afterClose = await postTwilio();
  await expect(row(second, afterClose)).toHaveCount(1);
  await expect(row(second, both)).toHaveCount(1);
  expect(opened).toBe(2);
  // The closed tab's stream went with it (a closed page reports nothing more of its requests).
  expect([...open].map((r) => r.frame().page()).filter((p) => !p.isClosed())).toEqual([second]);
});

test("/events: accessible in light and dark, screenshots", async ({ page }) => {
  await postTwilio();
  await postTwilio({ authToken: "0".repeat(32) });
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await openLive(page);
    await expectNoSeriousA11yViolations(page);
  }
  await captureLooks(page, "/events", "events-live");
});

test("the inspector says why a request was rejected: the URL checked and the WEBHOOK_BASE_URL hint", async ({
  page,
}) => {
  const rejected = await postTwilio({ authToken: "0".repeat(32) });
  await page.goto(`/events/${rejected}`);
  await expect(page.getByRole("heading", { level: 1, name: "Request" })).toBeVisible();
  await expect(page.getByText("Rejected signature").first()).toBeVisible();
  await expect(page.getByTestId("reason")).toContainText("signature rejected");
  const diagnosis = page.getByTestId("diagnosis");
  await expect(diagnosis).toContainText(`${BASE_URL}/webhooks/twilio`);
  await expect(diagnosis).toContainText("WEBHOOK_BASE_URL");
  // The body is decoded into its form fields; the signature itself is never shown.
  await expect(page.getByLabel("Form fields")).toContainText("MessageStatus");
  await expect(page.getByLabel("Headers")).not.toContainText(/[A-Za-z0-9+/]{27}=/);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await expectNoSeriousA11yViolations(page);
  }
  await captureLooks(page, `/events/${rejected}`, "events-inspector");
});
