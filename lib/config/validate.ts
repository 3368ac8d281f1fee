// validateConfig() and getWebhookUrls(), as documented in the README: the start script refuses to
// start on errors, and the home page and health check show warnings.
import { getDevSecretStatus, type DevSecretStatus } from "./dev-secrets";
import { twilioRetryFragment } from "../providers/twilio/retry-fragment";
import { envSchema, type Config, type RawEnv } from "./schema";

export interface ConfigProblem {
  variable: string;
  message: string;
}

export interface ConfigValidation {
  valid: boolean;
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
  /** The parsed configuration, present when valid. */
  config?: Config;
}

export interface WebhookUrls {
  twilio: string;
  /** The Twilio URL with the connection-override fragment that makes Twilio retry our 503s: paste this one. */
  twilioStatusCallback: string;
  resend: string;
  health: string;
}

export function validateConfig(env: RawEnv): ConfigValidation {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? "configuration"),
      message: issue.message,
    }));
    return { valid: false, errors, warnings: [] };
  }
  const config = parsed.data;
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];

  if (!config.VERIFY_WEBHOOK_SIGNATURES) {
    if (config.NODE_ENV === "production") {
      errors.push({
        variable: "VERIFY_WEBHOOK_SIGNATURES",
        message:
          "cannot be false in production (npm start): remove it, or use `next dev` or the tests to skip verification",
      });
    } else {
      warnings.push({
        variable: "VERIFY_WEBHOOK_SIGNATURES",
        message:
          "is false: signatures are not checked and every request is accepted as unverified (development only)",
      });
    }
  }
  if (config.TWILIO_AUTH_TOKEN.length === 0) {
    warnings.push({
      variable: "TWILIO_AUTH_TOKEN",
      message:
        "is not set: Twilio webhooks are rejected with 401 until you set your Auth Token (Twilio console → Account info)",
    });
  }
  if (config.RESEND_WEBHOOK_SECRET.length === 0) {
    warnings.push({
      variable: "RESEND_WEBHOOK_SECRET",
      message:
        "is not set: Resend webhooks are rejected with 401 until you set the endpoint's signing secret (whsec_…)",
    });
  }
  // Filed under each provider's own variable, only while its generated secret is the one in force.
  for (const status of getDevSecretStatus(config)) {
    if (status.inForce)
      warnings.push({ variable: status.variable, message: describeDevSecretWarning(status) });
  }
  if (config.SIGNALBOARD_DEV_SECRETS.legacy) {
    warnings.push({
      variable: "SIGNALBOARD_DEV_SECRETS",
      message:
        'is "true", from an earlier version that did not record which secrets it generated: replace the generated TWILIO_AUTH_TOKEN and RESEND_WEBHOOK_SECRET in .env.local with your real ones and delete this line',
    });
  }
  if (!config.AUTH_SECRET && config.NODE_ENV === "production") {
    // A warning, not an error: `npm start` generates it into .env.local right before it checks again.
    warnings.push({
      variable: "AUTH_SECRET",
      message:
        "is not set: it signs the dashboard's session cookies and sign-in refuses to work without it. `npm start` generates one into .env.local; with several instances set the same one (32+ random characters) on each",
    });
  }
  if (!config.ADMIN_EMAIL !== !config.ADMIN_PASSWORD) {
    errors.push({
      variable: config.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL",
      message: "must be set together with " + (config.ADMIN_EMAIL ? "ADMIN_EMAIL" : "ADMIN_PASSWORD"),
    });
  }
  if (!config.WEBHOOK_BASE_URL) {
    warnings.push({
      variable: "WEBHOOK_BASE_URL",
      message: `is not set, so http://localhost:${config.PORT} is assumed: set it to the public https origin the providers call, or Twilio signatures will not match`,
    });
  } else if (!config.WEBHOOK_BASE_URL.startsWith("https://")) {
    warnings.push({
      variable: "WEBHOOK_BASE_URL",
      message: "is not https: providers should call Signalboard over TLS outside local testing",
    });
  }
  return { valid: errors.length === 0, errors, warnings, config: errors.length === 0 ? config : undefined };
}

function describeDevSecretWarning(status: DevSecretStatus): string {
  return `is the local development secret generated into .env.local: simulated ${status.provider} traffic (npm run simulate) is accepted, real ${status.provider} traffic is refused until you set your real one`;
}

export function getBaseUrl(config: Config): string {
  return config.WEBHOOK_BASE_URL ?? `http://localhost:${config.PORT}`;
}

/** The full public URLs to paste into the Twilio and Resend consoles. */
export function getWebhookUrls(config: Config): WebhookUrls {
  const base = getBaseUrl(config);
  return {
    twilio: base + config.TWILIO_WEBHOOK_URL,
    twilioStatusCallback:
      base +
      config.TWILIO_WEBHOOK_URL +
      twilioRetryFragment({ retryUnknownMessages: config.UNKNOWN_MESSAGE_STATUS === 404 }),
    resend: base + config.RESEND_WEBHOOK_URL,
    health: base + "/webhooks/health",
  };
}
