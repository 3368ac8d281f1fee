import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.dirname(fileURLToPath(import.meta.url)) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    // test/chaos/ runs apart, through npm run test:chaos (vitest.chaos.config.mts).
    exclude: ["node_modules", "e2e/**", "test/chaos/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
