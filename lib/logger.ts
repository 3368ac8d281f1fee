// Structured JSON logs. Secrets and full phone numbers/emails never reach info level: request headers
// that carry secrets are redacted here, and callers log recipients through maskRecipient().
import pino from "pino";
import { getConfigValidation } from "./env";

const level = getConfigValidation().config?.WEBHOOK_LOG_LEVEL ?? "info";

export const logger = pino({
  level,
  base: { service: "signalboard" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "headers.authorization",
      'headers["x-twilio-signature"]',
      'headers["svix-signature"]',
      'headers["webhook-signature"]',
      'headers["cookie"]',
      "authToken",
      "secret",
      "secrets",
      "apiKey",
      "*.authToken",
      "*.secret",
      "*.apiKey",
    ],
    censor: "[redacted]",
  },
});

/** "+14155550100" → "+1415•••0100", "ada@example.com" → "a••@example.com": enough for support to recognise. */
export function maskRecipient(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = value.indexOf("@");
  if (at > 0) return `${value[0]}••@${value.slice(at + 1)}`;
  const digits = value.replace(/^(whatsapp:|rcs:)/, "");
  const prefix = value.slice(0, value.length - digits.length);
  if (digits.length <= 6) return prefix + "•••";
  return `${prefix}${digits.slice(0, 5)}•••${digits.slice(-4)}`;
}
