// npm run db:migrate — applies pending migrations to the configured database (PostgreSQL, or the embedded
// one when the server is not running: only one process may own PGlite's data directory).
import { loadEnvFiles } from "../lib/config/env-files";
import { validateConfig } from "../lib/config/validate";
import { applyMigrations } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/open";

async function main(): Promise<number> {
  loadEnvFiles();
  const { config, errors } = validateConfig(process.env);
  if (!config) {
    for (const e of errors) console.error(`✗ ${e.variable} ${e.message}`);
    return 1;
  }
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const report = await applyMigrations(db.sql);
    console.log(
      report.applied.length
        ? `Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`
        : `Nothing to apply (${report.alreadyApplied} already applied).`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
