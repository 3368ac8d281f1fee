// @ts-check
// Security headers for every page and API answer (the webhook routes are
// left out, so the providers' hot path is untouched). Next.js injects inline scripts for hydration, so
// scripts allow 'self' and inline but nothing from another origin; nothing may frame the dashboard.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

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
  // forbidden() in requirePageUser renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  async headers() {
    // Everything but the webhook routes, which answer only the providers.
    return [{ source: "/((?!webhooks/).*)", headers: SECURITY_HEADERS }];
  },
  // Types are checked by `npm test` (tsc over the whole project, tests included); the build that
  // `npm start` runs for a newcomer should not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Build output lives apart from `next dev`, so tests can build while a developer runs dev.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
