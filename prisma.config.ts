// Used only by the Prisma CLI (generate, and migrate where its native engine exists).
// The app itself never reads this file: lib/db/client.ts picks PGlite or PostgreSQL at run time.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // A placeholder keeps `prisma generate` working offline when no server is configured.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/signalboard",
  },
});
