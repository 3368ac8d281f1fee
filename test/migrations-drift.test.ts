// schema.prisma and prisma/migrations must describe the same database: the app migrates with the
// SQL files, while the generated client is built from the schema. A model change committed without
// `npm run db:migration -- <name>` fails here instead of at the first query in production.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, hasSchemaChanges } from "../scripts/db/schema-diff";

const root = fileURLToPath(new URL("..", import.meta.url));
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

// Each diff replays every migration into a fresh embedded shadow database through the WebAssembly
// schema engine: seconds on a quiet machine, far more on a loaded one.
const DIFF_TIMEOUT_MS = 180_000;

describe("prisma migrations", () => {
  const tempDirs: string[] = [];
  afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("keep Prisma's lockfile, which the diff would otherwise assume", async () => {
    const lock = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8");
    expect(lock).toMatch(/^provider = "postgresql"$/m);
  });

  it(
    "bring an empty database exactly to schema.prisma",
    async () => {
      const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
      expect(hasSchemaChanges(sql), `schema.prisma has changes without a migration:\n${sql}`).toBe(false);
    },
    DIFF_TIMEOUT_MS,
  );

  // Without this, a check that always answered "no changes" would pass the test above.
  it(
    "detect a field added to schema.prisma without a migration",
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "signalboard-drift-"));
      tempDirs.push(dir);
      const schema = await readFile(schemaPath, "utf8");
      const changed = schema.replace(
        "  externalIds MessageExternalId[]",
        '  driftProbe  String? @map("drift_probe")\n  externalIds MessageExternalId[]',
      );
      expect(changed).not.toBe(schema);
      const changedPath = path.join(dir, "schema.prisma");
      await writeFile(changedPath, changed);

      const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath: changedPath });

      expect(hasSchemaChanges(sql)).toBe(true);
      expect(sql).toMatch(/ALTER TABLE "message" ADD COLUMN\s+"drift_probe" TEXT;/);
    },
    DIFF_TIMEOUT_MS,
  );
});
