// What the home page shows about configuration: which settings are present, problems, webhook URLs.
// Secret values never leave this function: only "set"/"not set" and how many values (rotation).
import { getConfigValidation, readProcessEnv } from "../env";
import { isDevApiKey } from "../config/dev-api-key";
import { getDevSecretStatus, type DevSecretStatus } from "../config/dev-secrets";
import { SECRET_VARIABLES } from "../config/schema";
import { getWebhookUrls, type ConfigProblem, type WebhookUrls } from "../config/validate";
import { getDatabaseState } from "../db/runtime";

export interface SettingRow {
  variable: string;
  state: "set" | "default" | "not set";
  /** Shown only for non-secret settings. */
  value: string | null;
  note?: string;
}

export interface ConfigurationOverview {
  valid: boolean;
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
  urls: WebhookUrls | null;
  database: { phase: string; kind: string | null; error?: string };
  settings: SettingRow[];
  /** Per provider whose secret was generated for local development: whether that one is still in force. */
  devSecretStatus: DevSecretStatus[];
}

const SHOWN_SETTINGS = [
  "WEBHOOK_BASE_URL",
  "TWILIO_WEBHOOK_URL",
  "RESEND_WEBHOOK_URL",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_PHONE_NUMBER",
  "RESEND_WEBHOOK_SECRET",
  "RESEND_API_KEY",
  "RESEND_FROM_EMAIL",
  "VERIFY_WEBHOOK_SIGNATURES",
  "MESSAGE_ID_MAPPING_STRATEGY",
  "TIMESTAMP_MATCHING_WINDOW",
  "WEBHOOK_TIMEOUT",
  "WEBHOOK_MAX_RETRIES",
  "WEBHOOK_MAX_BODY_BYTES",
  "WEBHOOK_RATE_LIMIT",
  "WEBHOOK_BODY_RETENTION_DAYS",
  "WEBHOOK_LOG_LEVEL",
  "DATABASE_URL",
  "DATA_DIR",
  "DATABASE_POOL_SIZE",
  "API_KEYS",
  "AUTH_SECRET",
  "ADMIN_EMAIL",
  "ADMIN_PASSWORD",
  "SIGN_IN_RATE_LIMIT",
  "DASHBOARD_TIMEZONE",
] as const;

export function getConfigurationOverview(): ConfigurationOverview {
  const validation = getConfigValidation();
  const env = readProcessEnv();
  const config = validation.config as Record<string, unknown> | undefined;
  const secret = new Set<string>(SECRET_VARIABLES);
  const settings = SHOWN_SETTINGS.map((variable): SettingRow => {
    const raw = env[variable]?.trim();
    if (secret.has(variable)) {
      const values = raw ? raw.split(",").filter((s) => s.trim()) : [];
      const notes = [
        values.length > 1 ? `${values.length} values (rotation)` : null,
        // Said without the value: the prefix tells a generated local development key (lib/config/dev-api-key.ts).
        variable === "API_KEYS" && values.some((v) => isDevApiKey(v.trim()))
          ? "includes the local development key npm start generated into .env.local"
          : null,
      ].filter(Boolean);
      return {
        variable,
        state: raw ? "set" : "not set",
        value: null,
        note: notes.length ? notes.join("; ") : undefined,
      };
    }
    const effective = config?.[variable];
    return {
      variable,
      state: raw ? "set" : "default",
      value:
        effective === undefined ? null : Array.isArray(effective) ? effective.join(", ") : String(effective),
    };
  });
  const state = getDatabaseState();
  return {
    valid: validation.valid,
    errors: validation.errors,
    warnings: validation.warnings,
    urls: validation.config ? getWebhookUrls(validation.config) : null,
    database: {
      phase: state.phase,
      kind: state.phase === "starting" ? null : (state.db?.kind ?? null),
      error: state.phase === "unavailable" ? state.error : undefined,
    },
    settings,
    devSecretStatus: validation.config ? getDevSecretStatus(validation.config) : [],
  };
}
