// npm run config:check — prints the configuration's errors, warnings and webhook URLs in plain words.
// Exits 1 when the configuration is invalid (the same check `npm start` runs before the server listens).
import { loadEnvFiles } from "../lib/config/env-files";
import { getWebhookUrls, validateConfig } from "../lib/config/validate";

loadEnvFiles();
const validation = validateConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || "production" });
const out = (line = "") => process.stdout.write(line + "\n");

if (validation.errors.length) {
  out("Configuration errors (Signalboard will not start):");
  for (const e of validation.errors) out(`  ✗ ${e.variable} ${e.message}`);
  out();
}
if (validation.warnings.length) {
  out("Warnings:");
  for (const w of validation.warnings) out(`  ! ${w.variable} ${w.message}`);
  out();
}
if (validation.config) {
  const urls = getWebhookUrls(validation.config);
  out("Webhook URLs to paste into the provider consoles:");
  out(`  Twilio (status callback):  ${urls.twilio}`);
  out(`  Resend (webhook endpoint): ${urls.resend}`);
  out(`  Health check:              ${urls.health}`);
  out();
  out(validation.warnings.length ? "Configuration is valid, with warnings." : "Configuration is valid.");
}
process.exit(validation.valid ? 0 : 1);
