// The typed configuration and how each variable is read. Every variable is
// here, plus what running the service needs. Messages name the variable and the fix, because they are
// shown to a person at start-up, not to a stack trace.
import { z } from "zod";
import { isCountryCode } from "../phone/parse-phone";

export const MAPPING_STRATEGIES = ["database", "embedded", "timestamp"] as const;
export type MappingStrategy = (typeof MAPPING_STRATEGIES)[number];

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type RawEnv = Record<string, string | undefined>;

const text = z.string().trim();
const optionalText = text.optional().transform((v) => (v ? v : undefined));

/** Comma-separated lists hold several secrets while one is being rotated. */
const secretList = optionalText.transform((v) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);

/** Booleans are parsed strictly: a typo must not silently mean "true". */
const strictBoolean = (fallback: boolean) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const lower = v.toLowerCase();
    if (lower === "true" || lower === "1") return true;
    if (lower === "false" || lower === "0") return false;
    ctx.addIssue({ code: "custom", message: `must be "true" or "false", got "${v}"` });
    return z.NEVER;
  });

const positiveInt = (fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) =>
  optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });

const urlPath = (fallback: string) =>
  optionalText.transform((v, ctx) => {
    const path = v ?? fallback;
    if (!/^\/[A-Za-z0-9\-._~/]*$/.test(path) || path.length < 2 || path.endsWith("/")) {
      ctx.addIssue({ code: "custom", message: `must be a path such as ${fallback}, got "${path}"` });
      return z.NEVER;
    }
    return path;
  });

const httpUrl = optionalText.transform((v, ctx) => {
  if (v === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    ctx.addIssue({
      code: "custom",
      message: `must be a full URL such as https://hooks.example.com, got "${v}"`,
    });
    return z.NEVER;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    ctx.addIssue({ code: "custom", message: `must start with https:// or http://, got "${v}"` });
    return z.NEVER;
  }
  if (url.search || url.hash) {
    ctx.addIssue({ code: "custom", message: "must not carry a query string or fragment" });
    return z.NEVER;
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
});

const resendSecrets = secretList.superRefine((secrets, ctx) => {
  for (const secret of secrets) {
    if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) || secret.length < 16) {
      ctx.addIssue({
        code: "custom",
        message:
          "each secret must be the signing secret Resend shows for the endpoint, in the form whsec_<base64>",
      });
      return;
    }
  }
});

const databaseUrl = optionalText.superRefine((v, ctx) => {
  if (v !== undefined && !/^postgres(ql)?:\/\//.test(v)) {
    ctx.addIssue({
      code: "custom",
      message: "must be a postgresql:// connection URL (leave it unset for the embedded database)",
    });
  }
});

const logLevel = optionalText.transform((v, ctx) => {
  const level = (v ?? "info").toLowerCase().replace(/^warning$/, "warn");
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    ctx.addIssue({ code: "custom", message: `must be one of ${LOG_LEVELS.join(", ")}, got "${v}"` });
    return z.NEVER;
  }
  return level as LogLevel;
});

const strategy = optionalText.transform((v, ctx) => {
  const value = (v ?? "database").toLowerCase();
  if (!(MAPPING_STRATEGIES as readonly string[]).includes(value)) {
    ctx.addIssue({ code: "custom", message: `must be one of ${MAPPING_STRATEGIES.join(", ")}, got "${v}"` });
    return z.NEVER;
  }
  return value as MappingStrategy;
});

const unknownMessageStatus = optionalText.transform((v, ctx) => {
  if (v === undefined || v === "200") return 200 as const;
  if (v === "404") return 404 as const;
  ctx.addIssue({
    code: "custom",
    message: `must be 200 (store unmatched events) or 404 (ask the provider to retry), got "${v}"`,
  });
  return z.NEVER;
});

/** ISO 3166 alpha-2, e.g. US, GB; unset means "the country of TWILIO_PHONE_NUMBER, else US". */
const countryCode = optionalText.transform((v, ctx) => {
  if (v === undefined) return undefined;
  const code = v.toUpperCase();
  if (!isCountryCode(code)) {
    ctx.addIssue({
      code: "custom",
      message: `must be a two-letter country code such as US or GB, got "${v}"`,
    });
    return z.NEVER;
  }
  return code;
});

/**
 * Fingerprints of generated secrets, `TWILIO_AUTH_TOKEN:<16 hex>,RESEND_WEBHOOK_SECRET:<16 hex>`. The value
 * "true" of earlier versions recorded no fingerprint: it cannot tell which secret was generated.
 */
const devSecretsMarker = optionalText.transform((v, ctx) => {
  const fingerprints: Partial<Record<"TWILIO_AUTH_TOKEN" | "RESEND_WEBHOOK_SECRET", string>> = {};
  if (v === undefined || v.toLowerCase() === "false") return { fingerprints, legacy: false };
  if (v.toLowerCase() === "true") return { fingerprints, legacy: true };
  for (const entry of v.split(",")) {
    const match = /^(TWILIO_AUTH_TOKEN|RESEND_WEBHOOK_SECRET):([0-9a-f]{16})$/.exec(entry.trim());
    if (!match) {
      ctx.addIssue({
        code: "custom",
        message:
          "is written by npm start beside the development secrets it generates: delete the line from .env.local",
      });
      return z.NEVER;
    }
    fingerprints[match[1] as "TWILIO_AUTH_TOKEN" | "RESEND_WEBHOOK_SECRET"] = match[2];
  }
  return { fingerprints, legacy: false };
});

/** An IANA time zone name the runtime knows (Europe/Berlin, America/New_York, UTC). */
const timeZone = optionalText.transform((v, ctx) => {
  const zone = v ?? "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    ctx.addIssue({
      code: "custom",
      message: `must be an IANA time zone such as Europe/Berlin or America/New_York, got "${zone}"`,
    });
    return z.NEVER;
  }
});

export const envSchema = z.object({
  NODE_ENV: optionalText.transform((v) => v ?? "development"),
  PORT: positiveInt(3000, { max: 65535 }),
  DATA_DIR: optionalText.transform((v) => v ?? "./data"),
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_SIZE: positiveInt(10, { max: 1000 }),

  TWILIO_AUTH_TOKEN: secretList,
  TWILIO_ACCOUNT_SID: optionalText.superRefine((v, ctx) => {
    if (v !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(v)) {
      ctx.addIssue({
        code: "custom",
        message: "must be your Account SID from the Twilio console: AC followed by 32 hex digits",
      });
    }
  }),
  TWILIO_PHONE_NUMBER: optionalText,
  RESEND_API_KEY: optionalText,
  RESEND_WEBHOOK_SECRET: resendSecrets,
  RESEND_FROM_EMAIL: optionalText,

  WEBHOOK_BASE_URL: httpUrl,
  TWILIO_WEBHOOK_URL: urlPath("/webhooks/twilio"),
  RESEND_WEBHOOK_URL: urlPath("/webhooks/resend"),
  VERIFY_WEBHOOK_SIGNATURES: strictBoolean(true),
  WEBHOOK_TIMEOUT: positiveInt(10, { max: 300 }),
  WEBHOOK_MAX_RETRIES: positiveInt(3, { min: 0, max: 20 }),
  WEBHOOK_MAX_BODY_BYTES: positiveInt(65536, { min: 1024, max: 10 * 1024 * 1024 }),
  WEBHOOK_RATE_LIMIT: positiveInt(60, { min: 0, max: 1_000_000 }),
  /** Seconds a client may take to send a webhook's body before the answer is 408. */
  WEBHOOK_BODY_TIMEOUT: positiveInt(10, { max: 300 }),
  /** Megabytes of rejected requests stored in full per provider per day; beyond, summary rows. */
  WEBHOOK_REJECTED_STORAGE_MB: positiveInt(100, { min: 0, max: 1_000_000 }),
  /** Proxies in front of Signalboard whose X-Forwarded-For entries are trusted (0: the socket's peer). */
  /** Days a request's raw body (and kept signature headers) is stored; then only the row stays. 0: forever. */
  WEBHOOK_BODY_RETENTION_DAYS: positiveInt(30, { min: 0, max: 36_500 }),
  TRUSTED_PROXY_HOPS: positiveInt(0, { min: 0, max: 10 }),
  WEBHOOK_LOG_LEVEL: logLevel,
  /** Live-log streams (browsers with /events open) one instance serves at once; more are refused. */
  LIVE_LOG_MAX_STREAMS: positiveInt(50, { max: 10_000 }),

  MESSAGE_ID_MAPPING_STRATEGY: strategy,
  TIMESTAMP_MATCHING_WINDOW: positiveInt(3600, { max: 30 * 24 * 3600 }),
  UNKNOWN_MESSAGE_STATUS: unknownMessageStatus,
  API_KEYS: secretList,
  SOFT_BOUNCE_THRESHOLD: positiveInt(3, { max: 100 }),
  SOFT_BOUNCE_WINDOW_DAYS: positiveInt(7, { max: 365 }),
  /** The country national phone numbers typed into the search are read in. */
  DEFAULT_COUNTRY: countryCode,
  /** Hours after sending without a final status before a message counts as stuck. */
  STUCK_AFTER_HOURS: positiveInt(24, { max: 24 * 90 }),
  /** The time zone the overview's days (and the day presets of the metrics API) are counted in. */
  DASHBOARD_TIMEZONE: timeZone,

  /** Signs session cookies. Generated into .env.local by the first `npm start`; required by `next start`. */
  AUTH_SECRET: optionalText.superRefine((v, ctx) => {
    if (v !== undefined && v.length < 32) {
      ctx.addIssue({
        code: "custom",
        message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)",
      });
    }
  }),
  /** Creates or updates this admin at every start (automated setups and tests); both or neither. */
  ADMIN_EMAIL: optionalText.superRefine((v, ctx) => {
    if (v !== undefined && !z.email().safeParse(v).success) {
      ctx.addIssue({ code: "custom", message: `must be an email address, got "${v}"` });
    }
  }),
  ADMIN_PASSWORD: optionalText.superRefine((v, ctx) => {
    if (v !== undefined && v.length < 12) {
      ctx.addIssue({ code: "custom", message: "must be at least 12 characters" });
    }
  }),
  /** Sign-in attempts per client address per minute before answering 429 (shared by every instance). */
  SIGN_IN_RATE_LIMIT: positiveInt(5, { max: 10_000 }),

  /** Enables the no-op baseline route /bench/noop used by `npm run bench`. */
  SIGNALBOARD_BENCH: strictBoolean(false),
  /** Written by the start script beside the local development secrets it generated (lib/config/dev-secrets.ts). */
  SIGNALBOARD_DEV_SECRETS: devSecretsMarker,
});

export type Config = z.infer<typeof envSchema>;

/** Variables whose values are secrets: shown as present or missing, never printed. */
export const SECRET_VARIABLES = [
  "TWILIO_AUTH_TOKEN",
  "RESEND_API_KEY",
  "RESEND_WEBHOOK_SECRET",
  "API_KEYS",
  "DATABASE_URL",
  "AUTH_SECRET",
  "ADMIN_PASSWORD",
] as const;
