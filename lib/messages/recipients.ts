// One spelling per recipient, so a registered "Ada <ADA@Example.com>" and Resend's "ada@example.com",
// or "+1 415 555 0100" and Twilio's "+14155550100", are the same person for matching and suppression.

export function normalizeEmail(value: string): string {
  const angle = /<([^>]+)>/.exec(value);
  return (angle ? angle[1] : value).trim().toLowerCase();
}

export function normalizePhone(value: string): string {
  // [\s\S], not ".": a line break inside the value must not make the match fail.
  const match = /^(whatsapp:|rcs:)?([\s\S]*)$/i.exec(value.trim())!;
  const prefix = (match[1] ?? "").toLowerCase();
  return prefix + match[2].replace(/[\s().-]/g, "");
}

/** The channel a recipient belongs to when the caller did not say: an address has an "@", a number not. */
export function guessChannel(recipient: string): "sms" | "email" {
  return recipient.includes("@") ? "email" : "sms";
}

export function normalizeRecipient(channel: string, value: string): string {
  return channel === "email" ? normalizeEmail(value) : normalizePhone(value);
}

/** E.164, optionally on WhatsApp or RCS. */
export const PHONE_PATTERN = /^(whatsapp:|rcs:)?\+[1-9]\d{6,14}$/;
export const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
