// What support does when a customer calls, in a real browser against the production build: find a message
// by a differently spelled phone number and by its SID, read its timeline (a duplicate and a late event
// marked), read why an undelivered message failed, list stuck messages, watch an unmatched event leave its
// page once its message is registered, and lift a suppression. Traffic is registered through the API and
// sent as webhooks signed with the providers' official libraries inside the test.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { captureLooks, SCHEMES } from "./support/screenshots";
import { createUser, signIn } from "./support/sign-in";
import { newSid, newUsPhone, SupportTraffic } from "./support/support-traffic";
import { BASE_URL } from "./support/test-env";

const traffic = new SupportTraffic(BASE_URL);
// Each flow opens several pages and photographs them in four looks: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

// Support does this work: every test signs in as a fresh support user the admin created.
test.beforeEach(async ({ page }) => {
  await signIn(page);
  await signIn(page, await createUser(page.request, "support"));
});
/** "+14152000007" → "(415) 200-0007" */
const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const spaced = (e164: string) => `+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;

async function search(page: Page, q: string) {
  await page.getByRole("searchbox").fill(q);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
}

async function checkA11y(page: Page) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousA11yViolations(page);
  }
}

test("[MESSAGES] found by a differently spelled phone number and by its SID; the timeline marks a duplicate and a late event", async ({
  page,
}) => {
  const to = newUsPhone();
  const sid = newSid();
  const m = await traffic.register({ channel: "sms", to, campaign: "welcome", externalId: sid });
  await traffic.sms({ sid, to, status: "queued" });
  expect((await traffic.sms({ sid, to, status: "delivered", token: `tok-${sid}` })).outcome).toBe("accepted");
  expect((await traffic.sms({ sid, to, status: "delivered", token: `tok-${sid}` })).outcome).toBe(
    "duplicate",
  );
  // Twilio's "sent" arriving after "delivered": stored, marked late, the status stays delivered.
  expect((await traffic.sms({ sid, to, status: "sent" })).outcome).toBe("accepted");

  await page.goto("/messages");
  await search(page, national(to));
  const rows = page.getByTestId("message-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Delivered");
  await expect(rows.first()).toContainText(spaced(to));
  await checkA11y(page);

  await page.goto("/messages");
  await search(page, sid.toLowerCase());
  await expect(rows).toHaveCount(1);
  await rows
    .first()
    .getByRole("link", { name: spaced(to) })
    .click();
  await expect(page).toHaveURL(`/messages/${m.id}`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(spaced(to));
  await expect(page.getByTestId("outcome")).toContainText("Delivered");
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(4);
  const duplicate = entries.filter({ has: page.getByText("Duplicate", { exact: true }) });
  await expect(duplicate).toHaveCount(1);
  await expect(duplicate).toHaveAttribute("data-kind", "duplicate");
  await expect(duplicate).toContainText("changed nothing");
  const late = entries.filter({ has: page.getByText("Late", { exact: true }) });
  await expect(late).toHaveCount(1);
  await expect(late).toHaveAttribute("data-status", "sent");
  await expect(late).toContainText("did not change the message");
  await expect(page.getByTestId("id-twilio")).toHaveText(sid);
  // Each request's raw payload opens on demand; each links to the live log.
  const first = entries.first();
  await expect(first.getByText(`MessageSid = ${sid}`)).toBeHidden();
  await first.getByText("Raw payload").click();
  await expect(first.getByText(`MessageSid = ${sid}`)).toBeVisible();
  await expect(first.getByRole("link", { name: "Request in the live log" })).toHaveAttribute(
    "href",
    /^\/events\/[0-9a-f-]{36}$/,
  );
  await checkA11y(page);
  await captureLooks(page, `/messages/${m.id}`, "message-detail");
  await captureLooks(page, `/messages?q=${encodeURIComponent(national(to))}`, "messages-search");
});

test("[MESSAGES] an undelivered message shows its error code, its meaning and whether to retry", async ({
  page,
}) => {
  const to = newUsPhone();
  const sid = newSid();
  const m = await traffic.register({ channel: "sms", to, externalId: sid });
  await traffic.sms({ sid, to, status: "sent" });
  await traffic.sms({ sid, to, status: "undelivered", errorCode: "30007" });

  await page.goto(`/messages/${m.id}`);
  const outcome = page.getByTestId("outcome");
  await expect(outcome.getByRole("heading")).toHaveText("Not delivered: message filtered (30007)");
  await expect(outcome).toContainText("blocked the message as spam");
  await expect(outcome).toContainText("Retrying the same message won't help");
  await expect(page.getByTestId("timeline-entry").last()).toContainText("30007: Message filtered");
  await checkA11y(page);
  await captureLooks(page, `/messages/${m.id}`, "message-undelivered");
});

test("[MESSAGES] a stuck message appears under the stuck filter, a recent one does not", async ({ page }) => {
  const campaign = `stuck-${randomUUID().slice(0, 8)}`;
  const oldTo = newUsPhone();
  const newTo = newUsPhone();
  await traffic.register({
    channel: "sms",
    to: oldTo,
    campaign,
    sentAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
  });
  await traffic.register({ channel: "sms", to: newTo, campaign });

  await page.goto(`/messages?campaign=${campaign}`);
  const rows = page.getByTestId("message-row");
  await expect(rows).toHaveCount(2);
  await page.getByRole("checkbox", { name: /Stuck/ }).check();
  await expect(page).toHaveURL(/stuck=true/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(spaced(oldTo));
  await expect(rows.first().getByTestId("status-badge")).toContainText("stuck");
  await checkA11y(page);
  await captureLooks(page, `/messages?stuck=true`, "messages-stuck");
});

test("[UNMATCHED] an unmatched event disappears from its page once its message is registered", async ({
  page,
}) => {
  const to = newUsPhone();
  const sid = newSid();
  expect((await traffic.sms({ sid, to, status: "delivered" })).outcome).toBe("unmatched");

  await captureLooks(page, "/messages/unmatched", "unmatched");
  await page.goto("/messages/unmatched");
  await page.getByRole("searchbox").fill(sid);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${sid}`));
  const rows = page.getByTestId("unmatched-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(sid);
  await expect(page.getByRole("heading", { name: "How these get linked" })).toBeVisible();
  await checkA11y(page);

  const m = await traffic.register({ channel: "sms", to, externalId: sid });
  await page.reload();
  await expect(page.getByText("No unmatched event matches")).toBeVisible();
  await expect(rows).toHaveCount(0);
  // …and the message took the event's status.
  await page.goto(`/messages/${m.id}`);
  await expect(page.getByTestId("outcome").getByRole("heading")).toHaveText("Delivered");
});

test("[SUPPRESSIONS] a hard bounce suppresses the address; support lifts it with a reason", async ({
  page,
}) => {
  const to = `e2e-${randomUUID().slice(0, 8)}@example.com`;
  const emailId = randomUUID();
  const m = await traffic.register({ channel: "email", to, subject: "Your invoice", externalId: emailId });
  await traffic.email({
    emailId,
    type: "bounced",
    to,
    data: { bounce: { type: "Permanent", subType: "General", message: "550 5.1.1 no such user" } },
  });

  await page.goto(`/messages/${m.id}`);
  await expect(page.getByTestId("recipient-suppression")).toContainText("Suppressed");

  await page.goto("/suppressions");
  await page.getByRole("searchbox").fill(to.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByTestId("suppression-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("bounced permanently");
  await expect(rows.first()).toContainText("550 5.1.1 no such user");
  await checkA11y(page);
  // Other specs suppress addresses on the same server: the screenshots keep this search.
  await captureLooks(page, `/suppressions?q=${encodeURIComponent(to)}`, "suppressions");

  await rows.first().getByRole("button", { name: /Lift/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toContainText(to);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Lift the suppression" }).click();
  // The reason is required: the browser keeps the dialog open.
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Why is it safe to send again?").fill("The customer fixed their mailbox");
  await dialog.getByRole("button", { name: "Lift the suppression" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lifted" })).toContainText(
    `${to} can be sent to again`,
  );
  await expect(rows).toHaveCount(0);

  await page.getByLabel("Show").selectOption("lifted");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("lifted")).toContainText("The customer fixed their mailbox");
  // The API says so too.
  const status = await traffic.api<{ suppressed: boolean }>(`/api/suppressions/${encodeURIComponent(to)}`);
  expect(status.body.suppressed).toBe(false);
  await page.goto(`/messages/${m.id}`);
  await expect(page.getByTestId("recipient-suppression")).toContainText("Can be sent to");
});

test("[SUPPRESSIONS] one lift dialog serves every row: it opens for the row's recipient, gives the focus back and forgets a refusal", async ({
  page,
}) => {
  // Two freshly suppressed addresses: the newest of the list, so on its first page.
  const prefix = `e2e-lift-${randomUUID().slice(0, 8)}`;
  const [first, second] = [`${prefix}-a@example.com`, `${prefix}-b@example.com`];
  for (const to of [first, second]) {
    const emailId = randomUUID();
    await traffic.register({ channel: "email", to, externalId: emailId });
    await traffic.email({ emailId, type: "bounced", to, data: { bounce: { type: "Permanent" } } });
  }
  await page.goto("/suppressions?channel=email");
  const rows = page.getByTestId("suppression-row");
  await expect(rows.filter({ hasText: prefix })).toHaveCount(2);
  // Nothing of a dialog is on the page until a row asks for it.
  await expect(page.getByRole("dialog")).toHaveCount(0);

  const liftFirst = page.getByRole("button", { name: `Lift the suppression of ${first}` });
  await liftFirst.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Lift the suppression of ${first}?`);
  await expect(dialog.getByLabel("Why is it safe to send again?")).toBeFocused();
  // Lifted elsewhere meanwhile: the dialog says so in place.
  const api = await traffic.api(`/api/suppressions/${encodeURIComponent(first)}/lift`, {
    reason: "lifted through the API",
  });
  expect(api.status).toBe(200);
  await dialog.getByLabel("Why is it safe to send again?").fill("The customer asked again");
  await dialog.getByRole("button", { name: "Lift the suppression" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("This suppression was already lifted.");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(liftFirst).toBeFocused();

  // The other row opens the same dialog for its own recipient, with a fresh form.
  await page.getByRole("button", { name: `Lift the suppression of ${second}` }).click();
  await expect(dialog.getByRole("heading")).toHaveText(`Lift the suppression of ${second}?`);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await expect(dialog.getByLabel("Why is it safe to send again?")).toHaveValue("");
  await dialog.getByLabel("Why is it safe to send again?").fill("Mailbox fixed");
  await dialog.getByRole("button", { name: "Lift the suppression" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lifted" })).toContainText(
    `${second} can be sent to again`,
  );
  await expect(rows.filter({ hasText: prefix })).toHaveCount(0);
});

test("[MESSAGES] the list pages forward and back, and a stale page link says so", async ({ page }) => {
  await page.goto("/messages?cursor=not-a-cursor");
  await expect(page.getByText("This page link is out of date")).toBeVisible();
  await page.getByRole("link", { name: "Newest messages" }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await captureLooks(page, "/messages", "messages");
});

test("[MESSAGES] marketing reads the list with recipients masked and cannot open a message", async ({
  page,
}) => {
  const to = newUsPhone();
  const sid = newSid();
  const m = await traffic.register({ channel: "sms", to, campaign: "masked", externalId: sid });
  await signIn(page);
  await signIn(page, await createUser(page.request, "marketing"));

  await page.goto(`/messages?q=${encodeURIComponent(national(to))}`);
  const rows = page.getByTestId("message-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`+1•••••${to.slice(-4)}`);
  await expect(rows.first().getByRole("link")).toHaveCount(0);
  expect(await page.content()).not.toContain(to);
  expect(await page.content()).not.toContain(spaced(to));
  // The page streams behind its loading state, so the refusal is the page's content, not its status.
  await page.goto(`/messages/${m.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Not for your role" })).toBeVisible();
  expect(await page.content()).not.toContain(sid);
});

test("[MESSAGES] on a phone the filters fold under a button, and stay open while one is set", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/messages");
  const status = page.getByLabel("Status", { exact: true });
  await expect(status).toBeHidden();
  const toggle = page.getByRole("button", { name: "Filters" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await status.selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await page.reload();
  await expect(status).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide filters (1 set)" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
});
