// npm run seed -- --messages N [--days D]: realistic synthetic traffic by bulk SQL, in chunks of 100,000
// messages (one transaction each, so an interrupted run leaves whole chunks and consistent counters).
// On the embedded database the server must be stopped: one process owns the data directory.
import { loadEnvFiles } from "../lib/config/env-files";
import { validateConfig } from "../lib/config/validate";
import { DataDirInUseError } from "../lib/db/data-dir-lock";
import { applyMigrations } from "../lib/db/migrate";
import { openDatabase, type Database } from "../lib/db/open";
import { parseSeedOptions, SEED_HELP, SeedUsageError } from "./seed/options";
import { seedMessages } from "./seed/run";

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseSeedOptions(argv);
  } catch (error) {
    if (!(error instanceof SeedUsageError)) throw error;
    console.error(`seed: ${error.message}\n\n${SEED_HELP}`);
    return 2;
  }
  if (options.help) {
    console.log(SEED_HELP);
    return 0;
  }
  loadEnvFiles();
  const { config, errors } = validateConfig(process.env);
  if (!config) {
    for (const e of errors) console.error(`✗ ${e.variable} ${e.message}`);
    return 2;
  }
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    console.error(
      `seed: ${error.message}.\nThe seed writes straight into the embedded database: stop the server (npm start) first.`,
    );
    return 1;
  }
  try {
    await applyMigrations(db.sql);
    const where = db.kind === "postgres" ? "PostgreSQL" : `the embedded database in ${config.DATA_DIR}`;
    console.log(
      `Seeding ${options.messages.toLocaleString("en-US")} messages over ${options.days} days into ${where}…`,
    );
    const report = await seedMessages(db, options, (done, seconds) =>
      console.log(`  ${done.toLocaleString("en-US")} messages (${seconds.toFixed(1)} s)`),
    );
    console.log(
      `Done in ${report.seconds.toFixed(1)} s: ${report.messages.toLocaleString("en-US")} messages, ` +
        `${report.events.toLocaleString("en-US")} events, counters and rollups updated.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
