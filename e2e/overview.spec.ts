// The overview in a real browser. A fresh database first shows how to connect the providers; then one
// campaign's traffic goes in as a sender and the providers make it (registrations through the API, signed
// webhooks, one callback before its registration), and the page's numbers equal both the API's and the
// values computed here from the fixture. Filters and presets live in the URL (they survive a reload),
// clicking a campaign row filters, and the open page refreshes by itself when new events arrive.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formatRate } from "../lib/overview/format";
import { expectNoSeriousA11yViolations } from "./support/axe";
import {
  metricsSummary,
  newPhone,
  newSid,
  postEmail,
  postSms,
  registerMessages,
} from "./support/overview-traffic";
import { captureLooks, SCHEMES } from "./support/screenshots";
import { BASE_URL, EMPTY_BASE_URL } from "./support/test-env";
import { signIn } from "./support/sign-in";

test.describe.configure({ mode: "serial" });
// The overview is for signed-in users: every test starts as the admin (e2e/support/sign-in.ts).
test.beforeEach(async ({ page }) => signIn(page));

const campaign = `e2e-${randomUUID().slice(0, 8)}`;
const other = `${campaign}-other`;
const sentAt = new Date(Date.now() - 60 * 60_000).toISOString();
const value = (page: Page, id: string) => page.getByTestId(`${id}-value`);

// On the server no spec sends traffic to: the healthy one fills up as the other specs run.
test("a fresh database: how to connect Twilio and Resend, and how to try it", async ({ page }) => {
  await signIn(page, undefined, EMPTY_BASE_URL);
  await page.goto(`${EMPTY_BASE_URL}/`);
  const empty = page.getByTestId("empty-overview");
  await expect(empty.getByRole("heading", { name: "No messages or events yet" })).toBeVisible();
  await expect(empty.getByTestId("twilio-url")).toHaveText(`${EMPTY_BASE_URL}/webhooks/twilio`);
  await expect(empty.getByTestId("resend-url")).toHaveText(`${EMPTY_BASE_URL}/webhooks/resend`);
  await expect(empty.getByRole("button", { name: /Copy the Twilio status callback URL/ })).toBeVisible();
  await expect(empty.getByText("npm run simulate", { exact: true })).toBeVisible();
  await expect(page.getByTestId("sms-section")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await captureLooks(page, `${EMPTY_BASE_URL}/`, "overview-empty");
});

test("a campaign's numbers equal the API's and the fixture's", async ({ page, request }) => {
  // SMS: 3 delivered, 1 undelivered (30003, reported before its registration) → delivery 3 ÷ 4.
  const sms = Array.from({ length: 4 }, () => ({ sid: newSid(), to: newPhone() }));
  expect(await postSms(request, { ...sms[3], status: "undelivered", errorCode: "30003" })).toBe("unmatched");
  // Email: 3 delivered (2 opened, 1 of them clicked), 1 bounced → delivery 3 ÷ 4, open 2 ÷ 3, click 1 ÷ 3.
  const email = Array.from({ length: 4 }, (_, i) => ({ emailId: randomUUID(), to: `e2e${i}@example.com` }));
  await registerMessages(request, [
    ...sms.map((s) => ({ channel: "sms" as const, to: s.to, campaign, externalId: s.sid, sentAt })),
    ...email.map((e) => ({ channel: "email" as const, to: e.to, campaign, externalId: e.emailId, sentAt })),
    // Another campaign, so the table has two rows and a filter has something to leave out.
    { channel: "sms", to: newPhone(), campaign: other, externalId: newSid(), sentAt },
  ]);
  for (const s of sms.slice(0, 3))
    expect(await postSms(request, { ...s, status: "delivered" })).toBe("accepted");
  for (const e of email.slice(0, 3)) await postEmail(request, { ...e, type: "delivered" });
  await postEmail(request, { ...email[0], type: "opened" });
  await postEmail(request, { ...email[1], type: "opened" });
  await postEmail(request, {
    ...email[1],
    type: "clicked",
    data: {
      click: {
        link: "https://example.com/e2e-offer",
        ipAddress: "203.0.113.1",
        userAgent: "e2e",
        timestamp: sentAt,
      },
    },
  });
  await postEmail(request, {
    ...email[3],
    type: "bounced",
    data: { bounce: { type: "Permanent", subType: "General", message: "no such user" } },
  });

  const query = `range=24h&campaign=${campaign}`;
  await page.goto(`/?${query}`);
  const api = await metricsSummary(request, query);
  const expected = {
    "sms-sent": "4",
    "sms-delivered": "3",
    "sms-undelivered": "1",
    "sms-failed": "0",
    "sms-delivery-rate": "75.0\u202f%",
    "email-sent": "4",
    "email-delivered": "3",
    "email-delivery-rate": "75.0\u202f%",
    "email-open-rate": "66.7\u202f%",
    "email-click-rate": "33.3\u202f%",
    "email-bounce-rate": "25.0\u202f%",
    "email-complaint-rate": "0.0\u202f%",
  };
  for (const [id, text] of Object.entries(expected)) await expect(value(page, id)).toHaveText(text);
  // The same numbers as the API for the same filters.
  await expect(value(page, "sms-delivery-rate")).toHaveText(formatRate(api.sms.rates.deliveryRate));
  await expect(value(page, "email-open-rate")).toHaveText(formatRate(api.email.rates.openRate));
  await expect(value(page, "email-click-rate")).toHaveText(formatRate(api.email.rates.clickRate));
  await expect(value(page, "sms-sent")).toHaveText(String(api.sms.counts.total));
  // The breakdowns: the error code with its meaning, the bounce, the clicked link.
  await expect(page.getByTestId("failure-row").filter({ hasText: "30003" })).toContainText(/unreachable/i);
  await expect(page.getByTestId("bounce-row")).toContainText("Permanent / General");
  await expect(page.getByTestId("link-row")).toContainText("https://example.com/e2e-offer");
  await expectNoSeriousA11yViolations(page);
});

test("a filter and a preset survive a reload; clicking a campaign row filters the page", async ({ page }) => {
  await page.goto("/?range=24h");
  await page.getByRole("button", { name: /^30 d/ }).click();
  await expect(page).toHaveURL(/range=30d/);
  await page.getByRole("combobox", { name: "Channel" }).selectOption("sms");
  await expect(page).toHaveURL(/channel=sms/);
  await expect(page.getByTestId("email-section")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: /^30 d/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("combobox", { name: "Channel" })).toHaveValue("sms");
  await expect(page.getByTestId("email-section")).toHaveCount(0);

  await page.getByTestId("campaign-row").filter({ hasText: other }).click();
  await expect(page).toHaveURL(new RegExp(`campaign=${other}`));
  await expect(value(page, "sms-sent")).toHaveText("1");
  await expect(page.getByRole("combobox", { name: "Campaign" })).toHaveValue(other);
  await page.reload();
  await expect(value(page, "sms-sent")).toHaveText("1");
});

test("the open page refreshes by itself when new events arrive", async ({ page, request }) => {
  await page.clock.install();
  await page.goto(`/?range=24h&campaign=${other}&channel=sms`);
  await expect(value(page, "sms-delivered")).toHaveText("0");
  const sid = newSid();
  const to = newPhone();
  await registerMessages(request, [{ channel: "sms", to, campaign: other, externalId: sid, sentAt }]);
  expect(await postSms(request, { sid, to, status: "delivered" })).toBe("accepted");
  // No reload: a minute later the page has asked the server again.
  await page.clock.fastForward(61_000);
  await expect(value(page, "sms-delivered")).toHaveText("1");
  await expect(value(page, "sms-sent")).toHaveText("2");
});

test("screenshots of the filled overview, light and dark, laptop and phone", async ({ page }) => {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/?range=24h");
    await expectNoSeriousA11yViolations(page);
  }
  await captureLooks(page, "/?range=24h", "overview-filled");
});
