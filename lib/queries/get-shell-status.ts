// What the app shell shows on every page: the database's kind and state (from the runtime's own state,
// no query, so the header never slows a page down) and which providers run on a generated local
// development secret.
import { getDevSecretStatus } from "../config/dev-secrets";
import { getConfigValidation } from "../env";
import { getDatabaseState } from "../db/runtime";

export interface ShellStatus {
  database: { state: "up" | "starting" | "down"; kind: "pglite" | "postgres" | null };
  /** Providers whose secret is a generated local development one ("Twilio", "Resend"). */
  devSecretProviders: string[];
}

export function getShellStatus(): ShellStatus {
  const state = getDatabaseState();
  const database: ShellStatus["database"] =
    state.phase === "ready"
      ? { state: "up", kind: state.db.kind }
      : state.phase === "unavailable"
        ? { state: "down", kind: state.db?.kind ?? null }
        : { state: "starting", kind: null };
  const config = getConfigValidation().config;
  // Only the providers whose generated secret is still the one in force (lib/config/dev-secrets.ts).
  const devSecretProviders = config
    ? getDevSecretStatus(config)
        .filter((s) => s.inForce)
        .map((s) => s.provider)
    : [];
  return { database, devSecretProviders };
}
