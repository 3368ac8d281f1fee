// What the simulator signs with and where the signatures point, read exactly as the server reads its
// configuration (the .env files, including the development secrets `npm start` generates, then
// validateConfig). Twilio signs the PUBLIC URL, which may differ from where the requests are sent.
import { loadEnvFiles } from "../../lib/config/env-files";
import { getWebhookUrls, validateConfig } from "../../lib/config/validate";
import type { RawEnv } from "../../lib/config/schema";
import type { Provider } from "./lifecycle";

export interface SimulatorSettings {
  /** Where requests go: http://localhost:$PORT unless --target says otherwise. */
  target: string;
  /** The URLs the server checks Twilio signatures against (WEBHOOK_BASE_URL + path). */
  publicUrls: Record<Provider, string>;
  /** Request paths on the target. */
  paths: Record<Provider, string>;
  /** First secret of each rotation list (the current one); null when not configured. */
  twilioAuthToken: string | null;
  resendSecret: string | null;
  twilioAccountSid: string | null;
  twilioFrom: string | null;
  resendFrom: string | null;
  verifySignatures: boolean;
  /** First key of API_KEYS: the simulator registers its messages with it; null when none is set. */
  apiKey: string | null;
  /** UNKNOWN_MESSAGE_STATUS: with 404, events for unregistered messages are answered 404 "unmatched". */
  unknownMessageStatus: 200 | 404;
  notes: string[];
}

export type SettingsResult = { ok: true; settings: SimulatorSettings } | { ok: false; errors: string[] };

export function loadSettings(
  target: string | null,
  providers: readonly Provider[],
  dir = process.cwd(),
): SettingsResult {
  loadEnvFiles(dir);
  return settingsFrom(process.env, target, providers);
}

export function settingsFrom(
  env: RawEnv,
  target: string | null,
  providers: readonly Provider[],
): SettingsResult {
  const notes: string[] = [];
  let effective = env;
  // Without WEBHOOK_BASE_URL the server signs-checks against http://localhost:<the port it listens on>,
  // which is the target's port, whatever PORT this shell happens to have.
  if (target && !env.WEBHOOK_BASE_URL?.trim()) {
    const url = new URL(target);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    if (port !== (env.PORT?.trim() || "3000"))
      notes.push(`WEBHOOK_BASE_URL is not set: signing for http://localhost:${port}, the target's port`);
    effective = { ...env, PORT: port };
  }
  const validation = validateConfig(effective);
  if (!validation.config) {
    return { ok: false, errors: validation.errors.map((e) => `${e.variable} ${e.message}`) };
  }
  const config = validation.config;
  const errors: string[] = [];
  const twilioAuthToken = config.TWILIO_AUTH_TOKEN[0] ?? null;
  const resendSecret = config.RESEND_WEBHOOK_SECRET[0] ?? null;
  const fix =
    "run `npm start` once (it generates development secrets into .env.local) or set it in .env.local";
  if (providers.includes("twilio") && !twilioAuthToken)
    errors.push(`TWILIO_AUTH_TOKEN is not set: ${fix}, or use --provider resend`);
  if (providers.includes("resend") && !resendSecret)
    errors.push(`RESEND_WEBHOOK_SECRET is not set: ${fix}, or use --provider twilio`);
  if (errors.length) return { ok: false, errors };
  if (!config.VERIFY_WEBHOOK_SIGNATURES) {
    notes.push(
      "VERIFY_WEBHOOK_SIGNATURES=false: a server with this setting accepts the bad requests, and the run fails",
    );
  }

  const urls = getWebhookUrls(config);
  return {
    ok: true,
    settings: {
      target: (target ?? `http://localhost:${config.PORT}`).replace(/\/+$/, ""),
      publicUrls: { twilio: urls.twilio, resend: urls.resend },
      paths: { twilio: config.TWILIO_WEBHOOK_URL, resend: config.RESEND_WEBHOOK_URL },
      twilioAuthToken,
      resendSecret,
      twilioAccountSid: config.TWILIO_ACCOUNT_SID ?? null,
      twilioFrom: config.TWILIO_PHONE_NUMBER ?? null,
      resendFrom: config.RESEND_FROM_EMAIL ?? null,
      verifySignatures: config.VERIFY_WEBHOOK_SIGNATURES,
      apiKey: config.API_KEYS[0] ?? null,
      unknownMessageStatus: config.UNKNOWN_MESSAGE_STATUS,
      notes,
    },
  };
}
