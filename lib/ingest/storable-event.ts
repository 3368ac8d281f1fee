// What PostgreSQL can store, decided once, before anything is written. Text in PostgreSQL cannot hold
// U+0000, and neither text nor jsonb can hold an unpaired UTF-16 surrogate ("\ud800" in JSON); a signed
// request carrying them must not fail the transaction (500, retried by the provider for a day). The rule
// (docs/api.md):
// - identifiers and addresses (the provider's message id, our embedded id, recipient, sender) must be
//   printable text: one with a control character or an unpaired surrogate matches nothing and is refused
//   with 400 and the reason;
// - free text (error and bounce messages, subjects, tags, object keys and values kept in details) is
//   stored with each such character replaced by U+FFFD, and accepted: remote mail servers write those.
import type { NormalizedEvent, ParsedWebhook, Provider } from "../providers/types";

type Identifier = "externalId" | "embeddedMessageId" | "recipient" | "sender" | "deliveryId";

/** The provider's own names for the identifiers, for the reason a developer reads. */
const FIELD_NAMES: Record<Provider, Record<Identifier, string>> = {
  twilio: {
    externalId: "MessageSid",
    embeddedMessageId: "message_id (query)",
    recipient: "To",
    sender: "From",
    deliveryId: "I-Twilio-Idempotency-Token",
  },
  resend: {
    externalId: "data.email_id",
    embeddedMessageId: "data.tags.message_id",
    recipient: "data.to",
    sender: "data.from",
    deliveryId: "svix-id",
  },
};

// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const CONTROL = /[\u0000-\u001f\u007f]/;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex -- U+0000 is what PostgreSQL text cannot hold
const NUL = /\u0000/g;

export type StorableResult =
  | { ok: true; event: ParsedWebhook }
  | { ok: false; reason: string; issues: Array<{ path: string; message: string }> };

export function prepareStorable(event: ParsedWebhook): StorableResult {
  const issues: Array<{ path: string; message: string }> = [];
  const names = FIELD_NAMES[event.provider];
  const identifiers: Identifier[] =
    event.kind === "status"
      ? ["externalId", "embeddedMessageId", "recipient", "sender", "deliveryId"]
      : ["externalId", "deliveryId"];
  for (const field of identifiers) {
    const value = (event as Partial<Record<Identifier, string | null>>)[field];
    const problem = typeof value === "string" ? unprintable(value) : null;
    if (problem) issues.push({ path: names[field], message: `${names[field]} contains ${problem}` });
  }
  if (issues.length) return { ok: false, reason: issues.map((issue) => issue.message).join("; "), issues };
  return { ok: true, event: event.kind === "status" ? cleanStatusEvent(event) : event };
}

function unprintable(value: string): string | null {
  if (CONTROL.test(value)) return "a control character";
  if (UNPAIRED_SURROGATE.test(value)) return "an unpaired surrogate";
  return null;
}

function cleanStatusEvent(event: NormalizedEvent): NormalizedEvent {
  return {
    ...event,
    subject: cleanText(event.subject),
    errorCode: cleanText(event.errorCode),
    errorMessage: cleanText(event.errorMessage),
    bounce: event.bounce && (cleanValue(event.bounce) as NormalizedEvent["bounce"]),
    click: event.click && (cleanValue(event.click) as NormalizedEvent["click"]),
    tags: cleanValue(event.tags) as Record<string, string>,
    details: cleanValue(event.details) as Record<string, unknown>,
  };
}

function cleanText<T extends string | null>(value: T): T {
  if (value === null) return value;
  return (value.includes("\u0000") ? value.replace(NUL, "\ufffd") : value).toWellFormed() as T;
}

/** Strings, keys included, at any depth (the body's depth is bounded before parsing). */
function cleanValue(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [cleanText(key), cleanValue(inner)]),
    );
  }
  return value;
}
