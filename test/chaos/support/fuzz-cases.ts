// fast-check generators of hostile requests: real Twilio and Resend payloads with fields replaced by hostile
// values and signed correctly (so they reach parsing and storage), the same unsigned or wrongly signed, raw and
// non-UTF-8 bodies, bodies over the cap, wrong content types, odd methods and odd signature headers.
import fc from "fast-check";
import {
  buildResendRequest,
  buildTwilioRequest,
  resendEmailEvent,
  twilioStatusParams,
  type TwilioParams,
} from "../../support/webhook-requests";
import { hostileJson, hostileString, invalidUtf8, NESTED_PLACEHOLDER, serialiseNested } from "./fuzz-values";
import type { RawRequest } from "./http";
import { toRawRequest } from "./signed-events";

export interface FuzzCase {
  /** The kind of case, for the report's tallies. */
  label: string;
  request: RawRequest;
  /** A body over the cap: the server may answer 413 and close before reading it all. */
  mayCut?: boolean;
  /** A body the server may refuse unread: sent on a connection of its own, not a shared keep-alive one. */
  ownConnection?: boolean;
}

const signedOrNot = fc.oneof(
  { weight: 4, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);
const BAD_SIGNATURE = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

// ------------------------------------------------------------------------------------------------ Twilio

const TWILIO_KEYS = [
  "MessageSid",
  "SmsSid",
  "MessageStatus",
  "To",
  "From",
  "AccountSid",
  "ErrorCode",
  "ErrorMessage",
  "RawDlrDoneDate",
  "ApiVersion",
  "MessagingServiceSid",
  "Extra\u0000Key",
];

/** A form value must be well-formed UTF-16 to be percent-encoded at all (lone surrogates become U+FFFD). */
const formSafe = (value: string) => value.toWellFormed();

export function twilioCase(params: TwilioParams, signed: boolean, label: string, query?: string): FuzzCase {
  const safe = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [formSafe(k), typeof v === "string" ? formSafe(v) : v]),
  );
  return {
    label,
    request: toRawRequest(
      buildTwilioRequest({ params: safe, query, signature: signed ? undefined : "bm90IGEgc2lnbmF0dXJl" }),
    ),
  };
}

const twilioMutated = fc
  .record({
    status: fc.constantFrom("queued", "sent", "delivered", "undelivered", "failed", "read", "bogus", ""),
    mutations: fc.array(
      fc.tuple(fc.constantFrom(...TWILIO_KEYS), fc.option(hostileString, { nil: undefined })),
      { minLength: 1, maxLength: 3 },
    ),
    signed: signedOrNot,
    query: fc.option(fc.constantFrom("a=1", "x=%00", "&&", "%zz", "bodySHA256=00"), { nil: undefined }),
  })
  .map(({ status, mutations, signed, query }) => {
    const params: TwilioParams = twilioStatusParams({ MessageStatus: status, SmsStatus: status });
    for (const [key, value] of mutations) {
      if (value === undefined) delete params[key];
      else params[key] = value;
    }
    return twilioCase(params, signed, signed ? "twilio signed mutation" : "twilio unsigned mutation", query);
  });

// ------------------------------------------------------------------------------------------------ Resend

const RESEND_TYPES = [
  "email.sent",
  "email.delivered",
  "email.delivery_delayed",
  "email.bounced",
  "email.complained",
  "email.opened",
  "email.clicked",
  "email.failed",
  "email.suppressed",
  "contact.created",
  "",
  "email.\u0000",
];
const RESEND_PATHS: Array<Array<string | number>> = [
  ["type"],
  ["created_at"],
  ["data"],
  ["data", "email_id"],
  ["data", "to"],
  ["data", "to", 0],
  ["data", "created_at"],
  ["data", "bounce"],
  ["data", "bounce", "message"],
  ["data", "bounce", "type"],
  ["data", "tags"],
  ["data", "click"],
  ["data", "k\ud800"],
  ["data", "\u0000"],
  ["data", "from"],
  ["data", "subject"],
  ["data", "broadcast_id"],
  ["data", "failed", "reason"],
];

/** Sets (or, for undefined, deletes) the value at `path`, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const step of path.slice(0, -1)) {
    if (typeof node[step] !== "object" || node[step] === null) node[step] = {};
    node = node[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

export function resendCase(
  payload: unknown,
  signed: boolean,
  label: string,
  extra: { contentType?: string; headers?: Record<string, string> } = {},
): FuzzCase {
  return {
    label,
    request: toRawRequest(
      buildResendRequest({ payload, signature: signed ? undefined : BAD_SIGNATURE, ...extra }),
    ),
  };
}

const resendMutated = fc
  .record({
    type: fc.constantFrom(...RESEND_TYPES),
    mutations: fc.array(
      fc.tuple(fc.constantFrom(...RESEND_PATHS), fc.option(hostileJson, { nil: undefined })),
      { minLength: 1, maxLength: 3 },
    ),
    signed: signedOrNot,
  })
  .map(({ type, mutations, signed }) => {
    const event = resendEmailEvent(type) as Record<string, unknown>;
    for (const [path, value] of mutations) setPath(event, path, value);
    return resendCase(event, signed, signed ? "resend signed mutation" : "resend unsigned mutation");
  });

const deepNesting = fc
  .record({
    kind: fc.constantFrom("object" as const, "array" as const),
    signed: signedOrNot,
    where: fc.constantFrom("data", "tags"),
  })
  .chain(({ kind, signed, where }) =>
    fc.integer({ min: 5_000, max: kind === "object" ? 9_000 : 40_000 }).map((levels) => {
      const event = resendEmailEvent("email.delivered") as { data: Record<string, unknown> };
      event.data[where === "data" ? "nested" : "tags"] = NESTED_PLACEHOLDER;
      return resendCase(serialiseNested(event, levels, kind), signed, `resend nested ${kind}`);
    }),
  );

// ------------------------------------------------------------------------------------------- bodies etc.

const rawBodies = fc.oneof(
  fc
    .string({ unit: "binary", maxLength: 300 })
    .map((body) => resendCase(body, true, "resend signed raw text")),
  invalidUtf8.map((body) => resendCase(body, true, "resend signed non-UTF-8")),
  invalidUtf8.map((body) => ({
    label: "twilio non-UTF-8",
    request: { ...twilioCase(twilioStatusParams(), true, "").request, body },
  })),
  fc.constant(null).map(() => resendCase("", true, "resend signed empty body")),
  fc.constant(null).map(() => ({
    label: "twilio empty body",
    request: { ...twilioCase(twilioStatusParams(), true, "").request, body: "" },
  })),
);

const hugeBodies = fc
  .record({
    size: fc.constantFrom(65_537, 100_000, 400_000, 1_100_000),
    chunked: fc.boolean(),
    provider: fc.constantFrom("twilio", "resend"),
  })
  .map(({ size, chunked, provider }): FuzzCase => {
    const body = (provider === "twilio" ? "To=" : '{"type":"') + "x".repeat(size);
    const base =
      provider === "twilio" ? twilioCase(twilioStatusParams(), true, "") : resendCase(body, true, "");
    const headers = { ...base.request.headers };
    if (chunked) headers["transfer-encoding"] = "chunked";
    return {
      label: `huge body${chunked ? " (chunked)" : ""}`,
      request: { ...base.request, headers, body },
      mayCut: true,
    };
  });

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/json",
  "multipart/form-data; boundary=x",
  "application/json; charset=latin1",
  "APPLICATION/JSON",
  "application/xml",
  "",
  "application/cloudevents+json",
  "*/*",
];

const wrongContentTypes = fc
  .record({ contentType: fc.constantFrom(...CONTENT_TYPES), provider: fc.constantFrom("twilio", "resend") })
  .map(({ contentType, provider }): FuzzCase => {
    const base =
      provider === "twilio"
        ? twilioCase(twilioStatusParams(), true, "")
        : resendCase(resendEmailEvent("email.sent"), true, "");
    return {
      label: `${provider} content type`,
      request: { ...base.request, headers: { ...base.request.headers, "content-type": contentType } },
    };
  });

const METHODS = ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "GET", "PROPFIND", "PURGE", "FOO"];
const PATHS = [
  "/webhooks/twilio",
  "/webhooks/resend",
  "/webhooks/health",
  "/",
  "/webhooks/twilio?x=1",
  "/webhooks/nope",
  "/api/messages",
  "/bench/noop",
];

const oddMethods = fc
  .record({ method: fc.constantFrom(...METHODS), path: fc.constantFrom(...PATHS) })
  .map(({ method, path }): FuzzCase => {
    const withBody = !["GET", "HEAD", "TRACE"].includes(method);
    const body = withBody ? '{"type":"email.sent"}' : undefined;
    const headers: Record<string, string> = withBody ? { "content-type": "application/json" } : {};
    return { label: `method ${method}`, request: { method, path, headers, body }, ownConnection: withBody };
  });

const printable = fc.string({ unit: fc.constantFrom(..."abcXYZ019 ,=;:+/_-.!~".split("")), maxLength: 200 });

const oddSignatureHeaders = fc
  .record({
    timestamp: fc.oneof(
      fc.constantFrom("", "abc", "-1", "99999999999999999999", "1e3", " 1700000000", "0"),
      printable,
    ),
    signature: fc.oneof(
      fc.constantFrom(
        "v1,",
        "v1,!!!",
        "v2,abc",
        "v1a," + "A".repeat(10_000),
        Array(200).fill("v1,AAAA").join(" "),
      ),
      printable,
    ),
    id: printable,
  })
  .map(({ timestamp, signature, id }) =>
    resendCase(resendEmailEvent("email.sent"), true, "resend odd signature headers", {
      headers: { "svix-timestamp": timestamp, "svix-signature": signature, "svix-id": id || "x" },
    }),
  );

/** One hostile request, drawn with the weights below. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 6, arbitrary: twilioMutated },
  { weight: 8, arbitrary: resendMutated },
  { weight: 1, arbitrary: deepNesting },
  { weight: 2, arbitrary: rawBodies },
  { weight: 1, arbitrary: hugeBodies },
  { weight: 1, arbitrary: wrongContentTypes },
  { weight: 1, arbitrary: oddMethods },
  { weight: 1, arbitrary: oddSignatureHeaders },
);
