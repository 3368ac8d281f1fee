// Signing in for specs: through better-auth's own endpoint (the same one the sign-in form posts to), on
// the page's request context, so the page shares the session cookie. Specs about the sign-in form itself
// use the form; every other spec starts signed in with this.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, BASE_URL } from "./test-env";

export interface Credentials {
  email: string;
  password: string;
}

export async function signInRequest(
  request: APIRequestContext,
  who: Credentials = ADMIN,
  baseUrl = BASE_URL,
): Promise<void> {
  const response = await request.post(`${baseUrl}/api/auth/sign-in/email`, {
    data: { email: who.email, password: who.password },
    headers: { Origin: baseUrl },
  });
  expect(response.status(), `sign-in of ${who.email}`).toBe(200);
}

export async function signIn(page: Page, who: Credentials = ADMIN, baseUrl = BASE_URL): Promise<void> {
  await signInRequest(page.request, who, baseUrl);
}

let counter = 0;
/** A fresh user of the given role, created by the admin through the users API; returns its credentials. */
export async function createUser(
  request: APIRequestContext,
  role: "admin" | "support" | "marketing",
  baseUrl = BASE_URL,
): Promise<Credentials> {
  const email = `${role}-${Date.now()}-${++counter}@e2e.test`;
  const password = `pw-${role}-${Date.now()}-long`;
  const response = await request.post(`${baseUrl}/api/users`, {
    data: { email, name: `E2E ${role}`, role, password },
    headers: { Origin: baseUrl },
  });
  expect(response.status(), `create ${role} user: ${await response.text()}`).toBe(201);
  return { email, password };
}
