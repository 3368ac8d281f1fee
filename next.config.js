// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that load WebAssembly or native code at run time stay outside the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "twilio",
  ],
  poweredByHeader: false,
  // Types are checked by `npm test` (tsc over the whole project, tests included); the build that
  // `npm start` runs for a newcomer should not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Build output lives apart from `next dev`, so tests can build while a developer runs dev.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
