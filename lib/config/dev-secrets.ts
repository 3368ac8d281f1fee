// Local development secrets: on a first `npm start` with no provider secret, generated values go into
// .env.local and SIGNALBOARD_DEV_SECRETS records a fingerprint of each. Comparing the fingerprints with the
// secrets actually in force tells, per provider, whether it still runs on a generated secret — whatever
// overrides .env.local (the environment, an edited line, a rotation list) — so no notice is shown for a
// secret that is no longer in force, and none is missing for one that is.
import { createHash } from "node:crypto";
import type { Config } from "./schema";

export const DEV_SECRET_VARIABLES = ["TWILIO_AUTH_TOKEN", "RESEND_WEBHOOK_SECRET"] as const;
export type DevSecretVariable = (typeof DEV_SECRET_VARIABLES)[number];

export const DEV_SECRET_PROVIDERS: Record<DevSecretVariable, "Twilio" | "Resend"> = {
  TWILIO_AUTH_TOKEN: "Twilio",
  RESEND_WEBHOOK_SECRET: "Resend",
};

/** Enough to recognise a generated value, never to recover it. */
export function fingerprintSecret(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}

/** The value of SIGNALBOARD_DEV_SECRETS for freshly generated secrets. */
export function formatDevSecretsMarker(values: Record<DevSecretVariable, string>): string {
  return DEV_SECRET_VARIABLES.map((v) => `${v}:${fingerprintSecret(values[v])}`).join(",");
}

export interface DevSecretStatus {
  variable: DevSecretVariable;
  provider: "Twilio" | "Resend";
  /** True when one of the secrets in force for this provider is the generated one. */
  inForce: boolean;
}

/** One row per provider whose secret was generated; empty when none was. */
export function getDevSecretStatus(config: Config): DevSecretStatus[] {
  const recorded = config.SIGNALBOARD_DEV_SECRETS.fingerprints;
  return DEV_SECRET_VARIABLES.filter((variable) => recorded[variable]).map((variable) => ({
    variable,
    provider: DEV_SECRET_PROVIDERS[variable],
    inForce: config[variable].some((secret) => fingerprintSecret(secret) === recorded[variable]),
  }));
}

/** A line per provider, for the start log and `npm run config:check`. */
export function describeDevSecretStatus(status: DevSecretStatus): string {
  return status.inForce
    ? `${status.provider} runs on the generated development secret (${status.variable} in .env.local): simulated traffic is accepted, real ${status.provider} traffic is refused until you set your real ${status.variable}`
    : `${status.provider} runs on a secret you set: the generated development ${status.variable} is not in force`;
}
