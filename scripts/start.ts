// npm start: check the configuration, generate local secrets on a first run, build if the sources changed,
// then hand over to `next start`. The server migrates the database itself before serving (instrumentation.ts).
import path from "node:path";
import { describeDevSecretStatus, getDevSecretStatus } from "../lib/config/dev-secrets";
import { ensureDevApiKey } from "../lib/config/dev-api-key";
import { ensureAuthSecret, ensureDevSecrets, loadEnvFiles } from "../lib/config/env-files";
import { getWebhookUrls, validateConfig } from "../lib/config/validate";
import { findDataDirOwner } from "../lib/db/data-dir-lock";
import { runServer } from "./support/run-server";
import { BuildStepFailed, ensureProductionBuild, nextBin as nextCli } from "./support/production-build";

const root = process.cwd();
const nextBin = nextCli(root);
const say = (line: string) => process.stdout.write(`[signalboard] ${line}\n`);

// npm start always runs the production server: the signature bypass is refused there.
Object.assign(process.env, { NODE_ENV: "production" });
loadEnvFiles(root);
const generated = ensureDevSecrets(root);
if (generated) {
  say(`No provider secrets were configured: generated local development secrets into ${generated.file}.`);
  say(
    "Simulated traffic (npm run simulate) is accepted; real provider traffic is refused until you set real secrets.",
  );
}

if (ensureDevApiKey(root, process.env)) {
  say("No API key was configured: generated a local development API key into .env.local (API_KEYS).");
  say("Use it as `Authorization: Bearer <key>`; npm run simulate registers its messages with it.");
}

if (ensureAuthSecret(root))
  say("Generated the secret that signs session cookies (AUTH_SECRET) into .env.local.");

const validation = validateConfig(process.env);
if (!validation.valid || !validation.config) {
  say("Configuration errors — Signalboard will not start:");
  for (const e of validation.errors) say(`  ✗ ${e.variable} ${e.message}`);
  say(
    "Fix them in the environment or in .env.local, then run npm start again (npm run config:check shows the state).",
  );
  process.exit(1);
}
for (const w of validation.warnings) say(`  ! ${w.variable} ${w.message}`);
for (const status of getDevSecretStatus(validation.config)) say(`  ${describeDevSecretStatus(status)}.`);

// The embedded database's directory must not be served by another live process (lib/db/data-dir-lock.ts).
checkDataDirFree(validation.config)
  // Generates the Prisma client when missing (npm may skip install scripts) and builds when sources changed.
  .then(() =>
    ensureProductionBuild({
      root,
      distDirName: process.env.NEXT_DIST_DIR || ".next",
      env: process.env,
      say,
      buildNote: " (first start, or the sources changed)",
    }),
  )
  .then(
    () => serve(validation.config!),
    (error: unknown) => {
      say(
        error instanceof BuildStepFailed ? `${error.message}: Signalboard was not started.` : String(error),
      );
      process.exit(error instanceof BuildStepFailed ? (error.status ?? 1) : 1);
    },
  );

async function checkDataDirFree(config: NonNullable<typeof validation.config>): Promise<void> {
  if (config.DATABASE_URL) return;
  const dataDir = path.resolve(root, config.DATA_DIR);
  const owner = await findDataDirOwner(dataDir);
  if (!owner) return;
  const who = owner.pid ? ` (pid ${owner.pid})` : "";
  say(`The embedded database in ${dataDir} is already served by another Signalboard process${who}.`);
  say("Stop that one first, or give this one its own DATA_DIR (and PORT).");
  process.exit(1);
}

function serve(config: NonNullable<typeof validation.config>): void {
  const port = String(config.PORT);
  const urls = getWebhookUrls(config);
  say(`Serving on http://localhost:${port} — Twilio: ${urls.twilioStatusCallback} · Resend: ${urls.resend}`);
  // Our instrumentation handles SIGTERM/SIGINT: it drains writes and closes the embedded database first.
  runServer({
    command: process.execPath,
    args: [nextBin, "start", "-p", port],
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" },
    say,
  });
}
