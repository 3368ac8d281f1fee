// The live log across a server restart, on a server this spec owns (e2e/support/own-server.ts): the page
// shows "Disconnected — reconnecting" while the server is down, reconnects by itself once it is back,
// resumes after the newest row it had, and the requests stored after the restart appear exactly once, as
// do the ones it had. Accessible and photographed while disconnected. Webhooks are signed with twilio's
// library.
import { expect, test, type Page } from "@playwright/test";
import { buildTwilioRequest, twilioMessageSid, twilioStatusParams } from "../test/support/webhook-requests";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { ownServer } from "./support/own-server";
import { captureCurrentLooks, SCHEMES } from "./support/screenshots";
import { signIn } from "./support/sign-in";
import { ADMIN, RESTART_BASE_URL, TEST_SECRETS } from "./support/test-env";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const server = ownServer("restartable", RESTART_BASE_URL);
test.beforeAll(async () => {
  test.setTimeout(90_000);
  await server.start();
});
test.afterAll(async () => server.dispose());

async function postTwilio(): Promise<string> {
  const built = buildTwilioRequest({
    params: twilioStatusParams({ MessageSid: twilioMessageSid() }),
    authToken: TEST_SECRETS.TWILIO_AUTH_TOKEN,
    signedUrl: `${RESTART_BASE_URL}/webhooks/twilio`,
    origin: RESTART_BASE_URL,
  });
  const response = await fetch(built.url, built.init);
  expect(response.status).toBe(200);
  return response.headers.get("x-request-id")!;
}

const row = (page: Page, requestId: string) => page.locator(`[data-request-id="${requestId}"]`);

test("after a restart the page resumes after its newest row: what was stored meanwhile appears once", async ({
  page,
}) => {
  // The admin of ADMIN_EMAIL is created once the database is ready, a moment after the server answers.
  await expect(() => signIn(page, ADMIN, RESTART_BASE_URL)).toPass({ timeout: 30_000 });
  // Where each stream request asks to resume: the page reconnects with ?after= the newest row it was
  // given (the server treats it as it treats Last-Event-ID).
  const resumePoints: Array<string | null> = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/events/stream") resumePoints.push(url.searchParams.get("after"));
  });
  const status = page.getByTestId("stream-status");
  await page.goto(`${RESTART_BASE_URL}/events`);
  await expect(status).toContainText("Live");
  const before = [await postTwilio(), await postTwilio()];
  for (const id of before) await expect(row(page, id)).toBeVisible();

  // Hold the browser's reconnects until the next requests are stored: they can only reach the page
  // through the catch-up that Last-Event-ID asks for.
  let letThrough!: () => void;
  const held = new Promise<void>((resolve) => (letThrough = resolve));
  await page.route("**/api/events/stream**", async (route) => {
    await held;
    await route.continue();
  });
  const beforeStop = resumePoints.length;
  await server.stop();
  await expect(status).toContainText("Disconnected — reconnecting");
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousA11yViolations(page);
  }
  await captureCurrentLooks(page, "events-disconnected");
  await page.setViewportSize({ width: 1280, height: 800 });

  await server.start();
  const after = [await postTwilio(), await postTwilio(), await postTwilio()];
  letThrough();
  await expect(status).toContainText("Live", { timeout: 20_000 });
  for (const id of after) await expect(row(page, id)).toHaveCount(1);
  for (const id of before) await expect(row(page, id)).toHaveCount(1);
  await expect(page.getByTestId("event-row")).toHaveCount(before.length + after.length);
  // Newest first, as stored.
  await expect(page.getByTestId("event-row").first()).toHaveAttribute("data-request-id", after[2]);
  // Every reconnect said where the page was: the newest row it had before the restart.
  const reconnects = resumePoints.slice(beforeStop);
  expect(reconnects.length).toBeGreaterThan(0);
  const newestBefore = await row(page, before[1]).getAttribute("data-seq");
  expect(reconnects).toEqual(reconnects.map(() => newestBefore));

  // And it is live again.
  const live = await postTwilio();
  await expect(row(page, live)).toHaveCount(1);
});
