// Shared by the simulator's tests: a fixed configuration, plan inputs, and the official libraries' checks.
import { Webhook } from "standardwebhooks";
import twilio from "twilio";
import type { PlanInput } from "./plan";
import { requestContexts } from "./requests";
import type { HttpRequest } from "./send";
import { settingsFrom, type SimulatorSettings } from "./settings";

export const AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
export const RESEND_SECRET = "whsec_" + Buffer.from("simulator-test-secret-0123456789").toString("base64");
export const NOW = new Date("2026-03-01T12:00:00.000Z");

export function testSettings(env: Record<string, string> = {}): SimulatorSettings {
  const result = settingsFrom(
    {
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      RESEND_WEBHOOK_SECRET: RESEND_SECRET,
      WEBHOOK_BASE_URL: "https://hooks.example.com",
      ...env,
    },
    "http://127.0.0.1:3123",
    ["twilio", "resend"],
  );
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.settings;
}

export const testContexts = (seed = "fixture") => requestContexts(testSettings(), seed);

export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    seed: "seed-1",
    count: 200,
    providers: ["twilio", "resend"],
    messages: null,
    duplicates: 0.1,
    bad: 0.1,
    outOfOrder: false,
    campaign: null,
    now: NOW,
    ...overrides,
  };
}

export const PUBLIC_TWILIO = "https://hooks.example.com/webhooks/twilio";

export function officialTwilioCheck(request: HttpRequest, url = PUBLIC_TWILIO): boolean {
  const params = Object.fromEntries(new URLSearchParams(request.body));
  return twilio.validateRequest(AUTH_TOKEN, request.headers["x-twilio-signature"], url, params);
}

export function officialResendCheck(request: HttpRequest): boolean {
  try {
    new Webhook(RESEND_SECRET).verify(
      request.body,
      {
        "webhook-id": request.headers["svix-id"] ?? "",
        "webhook-timestamp": request.headers["svix-timestamp"] ?? "",
        "webhook-signature": request.headers["svix-signature"] ?? "",
      },
      { jsonParse: false },
    ); // the signature only: a malformed body is signed correctly on purpose
    return true;
  } catch {
    return false;
  }
}
