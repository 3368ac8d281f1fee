// What the app shell shows on every page: the database's kind and state (from the runtime's own state,
// no query, so the header never slows a page down) and which providers run on a generated local
// development secret.
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
  // The start script generates both providers' secrets together and marks them with one flag.
  const devSecretProviders = config?.SIGNALBOARD_DEV_SECRETS ? ["Twilio", "Resend"] : [];
  return { database, devSecretProviders };
}
