// `npm run db:migration -- <name>`: writes the next Prisma migration for the changes in schema.prisma.
// Stands in for `prisma migrate dev --create-only` without Prisma's native schema engine (see
// scripts/db/schema-diff.ts); the folder layout is Prisma's own, so the Prisma CLI keeps working on
// these migrations wherever its engine is installed.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffMigrationsToSchema, hasSchemaChanges, MIGRATION_LOCK_TOML } from "./db/schema-diff";
import prismaConfig from "../prisma.config";

// prisma.config.ts stays the one place that names these paths; they are relative to the project root.
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const schemaPath = path.resolve(projectRoot, prismaConfig.schema ?? "prisma/schema.prisma");
const migrationsDir = path.resolve(projectRoot, prismaConfig.migrations?.path ?? "prisma/migrations");

async function main(): Promise<number> {
  const name = toSnakeCase(process.argv.slice(2).join(" "));
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>   (e.g. add_message_locale)");
    return 2;
  }

  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (!hasSchemaChanges(sql)) {
    console.error(
      `No changes: ${relative(migrationsDir)} already matches ${relative(schemaPath)}. Nothing written.`,
    );
    return 1;
  }

  const folder = path.join(migrationsDir, `${utcTimestamp(new Date())}_${name}`);
  // No `recursive` on the folder itself: an existing one (same second, same name) must not be overwritten.
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(folder);
  await writeFile(path.join(folder, "migration.sql"), sql);
  console.log(`Wrote ${relative(path.join(folder, "migration.sql"))}`);

  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  if ((await readFile(lockPath, "utf8").catch(() => null)) === null) {
    await writeFile(lockPath, MIGRATION_LOCK_TOML);
    console.log(`Wrote ${relative(lockPath)}`);
  }

  console.log("\nReview the SQL and commit it with schema.prisma, then regenerate the client:");
  console.log("  npm run db:generate   (runs prisma generate offline)");
  return 0;
}

// Prisma's own folder naming: UTC, YYYYMMDDHHMMSS.
function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

function toSnakeCase(input: string): string {
  return input
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || ".";
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("Could not create the migration:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
