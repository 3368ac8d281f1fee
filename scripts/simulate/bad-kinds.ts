// The bad requests the simulator mixes in, per provider. Each one must be refused (non-2xx): the first
// four never verify; the last two are correctly signed but are not a payload or content type the
// provider sends. What Twilio cannot get wrong (it signs no timestamp) is replaced by a wrong URL.
import type { Provider } from "./lifecycle";

export type BadKind =
  | "tampered-body"
  | "wrong-secret"
  | "sha256-scheme"
  | "stale-timestamp"
  | "wrong-url"
  | "malformed-payload"
  | "wrong-content-type";

export const BAD_KINDS: Record<Provider, readonly BadKind[]> = {
  twilio: [
    "tampered-body",
    "wrong-secret",
    "sha256-scheme",
    "wrong-url",
    "malformed-payload",
    "wrong-content-type",
  ],
  resend: [
    "tampered-body",
    "wrong-secret",
    "sha256-scheme",
    "stale-timestamp",
    "malformed-payload",
    "wrong-content-type",
  ],
};

export const BAD_KIND_DESCRIPTIONS: Record<BadKind, string> = {
  "tampered-body": "signed correctly, then the status in the body was changed",
  "wrong-secret": "signed with a secret that is not the configured one",
  "sha256-scheme": "signed with a made-up scheme (sha256=<hex> over the raw body), never sent by a provider",
  "stale-timestamp": "correctly signed, but svix-timestamp is 10 minutes old (replay)",
  "wrong-url": "signed over a URL other than the public webhook URL",
  "malformed-payload":
    "correctly signed, but the payload is not a valid event (truncated JSON / no MessageStatus)",
  "wrong-content-type": "correctly signed, but sent with a Content-Type the provider never uses",
};

/** Kinds whose signature does not verify; the others verify and are refused for their content. */
export const UNVERIFIABLE_KINDS: ReadonlySet<BadKind> = new Set([
  "tampered-body",
  "wrong-secret",
  "sha256-scheme",
  "stale-timestamp",
  "wrong-url",
]);
