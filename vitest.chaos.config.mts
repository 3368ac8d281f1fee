// npm run test:chaos: the chaos and fuzz scenarios against the real production build (test/chaos/). Apart
// from `npx vitest run`: they start servers and databases, kill them, and take minutes, not seconds.
// One file at a time: each scenario measures a server under load, and two at once would measure each other.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    environment: "node",
    include: ["test/chaos/**/*.chaos.test.ts"],
    globalSetup: ["test/chaos/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
