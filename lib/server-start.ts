// What the server does once at start (called from instrumentation.ts, Node runtime only).
import { getConfigValidation } from "./env";
import { startDatabase, getDatabaseState } from "./db/runtime";
import { installHttpGuard } from "./http/guard";
import { installShutdownHandlers } from "./lifecycle";
import { logger } from "./logger";
import { getWebhookUrls } from "./config/validate";
import { bootstrapAccess } from "./auth/bootstrap";
import { startBodyRetention } from "./retention/runtime";

export async function startServer(): Promise<void> {
  const validation = getConfigValidation();
  if (!validation.config) {
    // The start script refuses invalid configuration before the server listens; `next dev` lands here.
    for (const e of validation.errors) logger.error({ variable: e.variable }, `${e.variable} ${e.message}`);
    return;
  }
  for (const w of validation.warnings) logger.warn({ variable: w.variable }, `${w.variable} ${w.message}`);
  installShutdownHandlers();
  installHttpGuard();
  // Give the first attempt a moment so the first request usually finds a ready database, but never block
  // start-up on a database that is down: it keeps retrying in the background.
  const ready = startDatabase();
  // Access needs the database: it runs whenever the database becomes ready (now, or after an outage).
  const config = validation.config;
  void ready.then(
    (db) =>
      bootstrapAccess(db, config).catch((error: unknown) =>
        logger.error({ err: String(error) }, "could not prepare sign-in (admin or setup link)"),
      ),
    () => undefined,
  );
  // Sweeps on whatever database is ready at each run, so it starts now and rides out outages.
  startBodyRetention(config);
  await Promise.race([ready, new Promise((r) => setTimeout(r, 5_000))]);
  const state = getDatabaseState();
  logger.info(
    { database: state.phase, webhookUrls: getWebhookUrls(validation.config) },
    "signalboard started",
  );
}
