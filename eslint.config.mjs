import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      // The env module is the only reader of process.env (see lib/env.ts).
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through lib/env.ts, not process.env.",
        },
      ],
    },
  },
  {
    // Writes and infrastructure never depend on the read side (docs/architecture.md): what both need
    // lives with the writer or in a shared module (lib/errors, lib/messages/recipients.ts, ...).
    files: [
      "lib/api/**",
      "lib/config/**",
      "lib/db/**",
      "lib/errors/**",
      "lib/http/**",
      "lib/ingest/**",
      "lib/messages/**",
      "lib/providers/**",
      "lib/status/**",
      "lib/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/queries/*", "@/lib/queries/*"],
              message: "Writes and infrastructure must not import from lib/queries (the read side).",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "lib/config/env-files.ts",
      "scripts/**",
      "e2e/**",
      "test/**",
      "*.config.*",
      "instrumentation.ts",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
];

export default config;
