// Webhook requests as Twilio and Resend really send them (docs/providers.md), signed
// with the providers' official libraries: twilio.getExpectedTwilioSignature (HMAC-SHA1, base64, over the
// PUBLIC URL + sorted form params) and standardwebhooks' Webhook.sign (HMAC-SHA256 over
// `${id}.${timestamp}.${body}` keyed with the base64-decoded whsec_ secret).
// Shared by the ingest integration tests (route handlers called directly) and, through build*Request,
// by suites that send over HTTP (e2e): build* returns a URL plus RequestInit, *Request a Fetch Request.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import twilio from "twilio";

/** Secrets the tests configure (TWILIO_AUTH_TOKEN, TWILIO_ACCOUNT_SID, RESEND_WEBHOOK_SECRET). */
export const TEST_TWILIO_AUTH_TOKEN = "test_twilio_auth_token_0123456789ab";
export const TEST_TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
export const TEST_RESEND_WEBHOOK_SECRET =
  "whsec_" + Buffer.from("signalboard-test-resend-secret!!").toString("base64");

/** WEBHOOK_BASE_URL: the public origin the providers call (and Twilio signs). */
export const PUBLIC_BASE_URL = "https://hooks.example.test";
/** Where the request actually lands behind the proxy: request.url, which must NOT be what is checked. */
export const INTERNAL_ORIGIN = "http://10.0.0.5:3000";

export const TWILIO_PATH = "/webhooks/twilio";
export const RESEND_PATH = "/webhooks/resend";

export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json";

/** A raw body: text, or bytes (e.g. deliberately invalid UTF-8). */
export type RequestBody = string | Uint8Array<ArrayBuffer>;

export interface BuiltRequest {
  url: string;
  init: RequestInit & { method: "POST"; headers: Record<string, string>; body: RequestBody };
}

function toRequest({ url, init }: BuiltRequest): Request {
  return new Request(url, init);
}

function withQuery(url: string, query: string | undefined): string {
  const q = (query ?? "").replace(/^\?/, "");
  return q ? `${url}?${q}` : url;
}

// ---------------------------------------------------------------------------------------------- Twilio

/** Decoded form parameters; a repeated key is an array (Twilio signs every value). */
export type TwilioParams = Record<string, string | string[]>;

/** A fresh Twilio-looking MessageSid ("SM" + 32 hex). */
export function twilioMessageSid(): string {
  return "SM" + randomBytes(16).toString("hex");
}

/** A typical outbound SMS status callback (docs/providers.md). */
export function twilioStatusParams(overrides: TwilioParams = {}): TwilioParams {
  const sid = typeof overrides.MessageSid === "string" ? overrides.MessageSid : twilioMessageSid();
  const status = typeof overrides.MessageStatus === "string" ? overrides.MessageStatus : "delivered";
  return {
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
    AccountSid: TEST_TWILIO_ACCOUNT_SID,
    From: "+14155550199",
    To: "+14155550100",
    ApiVersion: "2010-04-01",
    ...overrides,
  };
}

const formEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");

/** The body as the wire carries it: x-www-form-urlencoded, repeated keys repeated. */
export function encodeForm(params: TwilioParams): string {
  return Object.entries(params)
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${formEncode(key)}=${formEncode(v)}`),
    )
    .join("&");
}

/** PUBLIC_BASE_URL + path + query: the URL Twilio called and signed. */
export function twilioPublicUrl(
  query?: string,
  { baseUrl = PUBLIC_BASE_URL, path = TWILIO_PATH } = {},
): string {
  return withQuery(baseUrl + path, query);
}

/** X-Twilio-Signature for a form callback, computed by the official twilio helper. */
export function signTwilio(authToken: string, publicUrl: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, publicUrl, params);
}

/** A made-up scheme (never sent by Twilio): `sha256=` + hex HMAC-SHA256 of the raw body. */
export function designNotesSignature(secret: string, rawBody: string): string {
  return "sha256=" + createHmac("sha256", secret).update(rawBody).digest("hex");
}

export interface TwilioRequestOptions {
  params?: TwilioParams;
  /** Query string of the callback URL (without "?"); signed and sent identically unless signedUrl says otherwise. */
  query?: string;
  authToken?: string;
  /** The URL the signature is computed over; default twilioPublicUrl(query). */
  signedUrl?: string;
  /** Where the request is sent; default INTERNAL_ORIGIN (behind the proxy). */
  origin?: string;
  path?: string;
  /** I-Twilio-Idempotency-Token; a fresh one by default, null to leave it out. */
  idempotencyToken?: string | null;
  /** Replaces the computed X-Twilio-Signature; null leaves the header out. */
  signature?: string | null;
  contentType?: string;
  /** Replaces the encoded form body (the signature still covers `params`). */
  body?: RequestBody;
  headers?: Record<string, string>;
}

export function buildTwilioRequest(
  options: TwilioRequestOptions = {},
): BuiltRequest & { signature: string | null; signedUrl: string } {
  const params = options.params ?? twilioStatusParams();
  const signedUrl = options.signedUrl ?? twilioPublicUrl(options.query);
  const signature =
    options.signature === undefined
      ? signTwilio(options.authToken ?? TEST_TWILIO_AUTH_TOKEN, signedUrl, params)
      : options.signature;
  const token = options.idempotencyToken === undefined ? `idem-${randomUUID()}` : options.idempotencyToken;
  const headers: Record<string, string> = { "content-type": options.contentType ?? FORM_CONTENT_TYPE };
  if (signature !== null) headers["x-twilio-signature"] = signature;
  if (token !== null) headers["i-twilio-idempotency-token"] = token;
  Object.assign(headers, options.headers);
  return {
    url: withQuery((options.origin ?? INTERNAL_ORIGIN) + (options.path ?? TWILIO_PATH), options.query),
    init: { method: "POST", headers, body: options.body ?? encodeForm(params) },
    signature,
    signedUrl,
  };
}

/** A signed Twilio status callback as a Fetch Request, ready for the route's POST. */
export function twilioRequest(options: TwilioRequestOptions = {}): Request {
  return toRequest(buildTwilioRequest(options));
}

// ---------------------------------------------------------------------------------------------- Resend

/** A fresh Svix message id, e.g. msg_2ZfWeb3uTm0EhR5NNvjDB2R6vHx. */
export function svixId(): string {
  return "msg_" + randomBytes(14).toString("base64url");
}

export interface ResendEventOptions {
  emailId?: string;
  createdAt?: string;
  /** Merged into `data`. */
  data?: Record<string, unknown>;
}

/** A Resend email event envelope as documented (docs/providers.md), with data.email_id. */
export function resendEmailEvent(
  type: string,
  { emailId = randomUUID(), createdAt, data = {} }: ResendEventOptions = {},
) {
  const now = new Date().toISOString();
  return {
    type,
    created_at: createdAt ?? now,
    data: {
      created_at: now,
      email_id: emailId,
      message_id: `<${randomUUID()}@email.example.com>`,
      from: "Acme <onboarding@resend.dev>",
      to: ["delivered@resend.dev"],
      subject: "Sending this example",
      tags: { category: "confirm_email" },
      ...data,
    },
  };
}

export interface ResendRequestOptions {
  /** An object is JSON-serialised once; a string or bytes are sent (and signed) exactly as given. */
  payload: unknown;
  secret?: string;
  /** svix-id; a fresh one by default. */
  id?: string;
  /** Signing time (svix-timestamp); default now. */
  date?: Date;
  /** "svix" (what Resend sends) or "webhook" (the Standard Webhooks names). */
  headerNames?: "svix" | "webhook";
  /** Replaces the computed signature header value; null leaves the signature header out. */
  signature?: string | null;
  contentType?: string;
  origin?: string;
  path?: string;
  headers?: Record<string, string>;
}

export function buildResendRequest(
  options: ResendRequestOptions,
): BuiltRequest & { id: string; signature: string | null } {
  const { payload } = options;
  const body: RequestBody =
    typeof payload === "string" || payload instanceof Uint8Array
      ? (payload as RequestBody)
      : JSON.stringify(payload);
  const id = options.id ?? svixId();
  const date = options.date ?? new Date();
  const signature =
    options.signature === undefined
      ? new Webhook(options.secret ?? TEST_RESEND_WEBHOOK_SECRET).sign(
          id,
          date,
          typeof body === "string" ? body : Buffer.from(body),
        )
      : options.signature;
  const prefix = options.headerNames === "webhook" ? "webhook" : "svix";
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? JSON_CONTENT_TYPE,
    [`${prefix}-id`]: id,
    [`${prefix}-timestamp`]: String(Math.floor(date.getTime() / 1000)),
  };
  if (signature !== null) headers[`${prefix}-signature`] = signature;
  Object.assign(headers, options.headers);
  return {
    url: (options.origin ?? INTERNAL_ORIGIN) + (options.path ?? RESEND_PATH),
    init: { method: "POST", headers, body },
    id,
    signature,
  };
}

/** A Svix-signed Resend webhook as a Fetch Request, ready for the route's POST. */
export function resendRequest(options: ResendRequestOptions): Request {
  return toRequest(buildResendRequest(options));
}

/**
 * Signed with a made-up scheme (`Resend-Signature: sha256=<hex hmac of body>`), which
 * Resend never sends: must be rejected.
 */
export function designNotesResendRequest(
  payload: unknown,
  secret = TEST_RESEND_WEBHOOK_SECRET,
  origin = INTERNAL_ORIGIN,
): Request {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  return new Request(origin + RESEND_PATH, {
    method: "POST",
    headers: { "content-type": JSON_CONTENT_TYPE, "resend-signature": designNotesSignature(secret, body) },
    body,
  });
}
