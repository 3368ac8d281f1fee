// Who sees what: an admin creates and revokes an API key on Settings and the API follows at once; a
// marketing user sees recipients only masked and cannot open what is not theirs.
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./support/sign-in";
import { BASE_URL, TEST_SECRETS } from "./support/test-env";

const envKey = { Authorization: `Bearer ${TEST_SECRETS.API_KEY}` };

test("an admin creates a key on Settings, the API honours it at once, and refuses it once revoked", async ({
  page,
  playwright,
}) => {
  await signIn(page);
  await page.goto("/settings");
  await page.getByRole("tab", { name: "API keys" }).click();
  const name = `checkout-${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption("read");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);

  const api = await playwright.request.newContext({ baseURL: BASE_URL });
  const bearer = { Authorization: `Bearer ${key}` };
  expect((await api.get("/api/metrics/summary", { headers: bearer })).status()).toBe(200);
  // A read key may not write.
  const write = await api.post("/api/messages", {
    headers: bearer,
    data: { channel: "sms", to: "+14155550100" },
  });
  expect(write.status()).toBe(403);
  expect(await write.json()).toMatchObject({ error: { code: "insufficient_scope" } });

  // Shown once: a reload shows only its prefix.
  await page.reload();
  await page.getByRole("tab", { name: "API keys" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 7));
  expect(await page.content()).not.toContain(key);

  await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await expect(row).toContainText("revoked");
  expect((await api.get("/api/metrics/summary", { headers: bearer })).status()).toBe(401);

  await page.getByRole("tab", { name: "Audit trail" }).click();
  await expect(page.getByRole("row").filter({ hasText: "api_key.revoked" }).first()).toContainText(name);
  await api.dispose();
});

test("marketing sees recipients masked in every API answer it can reach, and no admin or support page", async ({
  page,
  browser,
  request,
}) => {
  const to = `+1415555${String(Date.now()).slice(-4)}`;
  const email = `jane.${Date.now()}@example.com`;
  const sms = await request.post("/api/messages", {
    headers: envKey,
    data: { channel: "sms", to, campaign: "mask-test" },
  });
  expect(sms.status()).toBe(201);
  const smsId = (await sms.json()).id;
  await request.post("/api/messages", {
    headers: envKey,
    data: { channel: "email", to: email, campaign: "mask-test" },
  });

  await signIn(page);
  const marketing = await createUser(page.request, "marketing");
  const context = await browser.newContext();
  const mPage = await context.newPage();
  await signIn(mPage, marketing);

  const list = await mPage.request.get("/api/messages?campaign=mask-test");
  expect(list.status()).toBe(200);
  const listText = await list.text();
  expect(listText).not.toContain(to);
  expect(listText).not.toContain(email);
  expect(listText).toContain(`+1•••••${to.slice(-4)}`);
  expect(listText).toContain(`j•••@example.com`);
  const detail = await mPage.request.get(`/api/messages/${smsId}`);
  expect(detail.status()).toBe(200);
  expect(await detail.text()).not.toContain(to);

  // Not marketing's: suppressions, unmatched events, changes, settings.
  expect((await mPage.request.get(`/api/suppressions/${encodeURIComponent(to)}`)).status()).toBe(403);
  expect((await mPage.request.get("/api/events/unmatched")).status()).toBe(403);
  const post = await mPage.request.post("/api/messages", {
    data: { channel: "sms", to },
    headers: { Origin: BASE_URL },
  });
  expect(post.status()).toBe(403);
  // The shell streams before the page decides, so the status may already be 200: what counts is that
  // nothing of the page is sent.
  await mPage.goto("/settings");
  await expect(mPage.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  const settingsHtml = await (await mPage.request.get("/settings")).text();
  expect(settingsHtml).not.toContain("TWILIO_AUTH_TOKEN");
  expect(settingsHtml).not.toContain("Webhook URLs");
  await mPage.goto("/");
  await expect(mPage.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Overview",
    "Messages",
  ]);

  // Support, for comparison, sees the full recipient.
  const support = await createUser(page.request, "support");
  const sContext = await browser.newContext();
  const sPage = await sContext.newPage();
  await signIn(sPage, support);
  expect(await (await sPage.request.get(`/api/messages/${smsId}`)).text()).toContain(to);
  await context.close();
  await sContext.close();
});

test("a cookie-authorised change from another origin is refused (CSRF)", async ({ page }) => {
  await signIn(page);
  const forged = await page.request.post("/api/messages", {
    data: { channel: "sms", to: "+14155550111" },
    headers: { Origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: "cross_origin" } });
  const own = await page.request.post("/api/messages", {
    data: { channel: "sms", to: "+14155550111" },
    headers: { Origin: BASE_URL },
  });
  expect(own.status()).toBe(201);
});
