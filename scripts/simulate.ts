// npm run simulate -- [options]: posts realistic, correctly signed Twilio and Resend webhooks (plus, on
// request, redeliveries, out-of-order events and bad requests) to a running Signalboard, then prints a
// summary. Exit 0 = every good request was accepted and every bad one refused; 1 = not; 2 = usage or
// configuration error. The pieces live in scripts/simulate/.
import { PlanError } from "./simulate/budget";
import { HELP, parseOptions, UsageError, type SimulateOptions } from "./simulate/options";
import { buildPlan } from "./simulate/plan";
import { randomSeed } from "./simulate/random";
import { describePlan, formatJson, formatSummary } from "./simulate/report";
import { requestContexts, requestFactory } from "./simulate/requests";
import { registerMessages, splitRegistrations } from "./simulate/register";
import { sendAll } from "./simulate/send";
import { loadSettings } from "./simulate/settings";
import { summarize } from "./simulate/summary";

/** Longer than the server's own WEBHOOK_TIMEOUT ceiling for a write, so its 503 arrives first. */
const REQUEST_TIMEOUT_MS = 30_000;

const out = (text: string) => process.stdout.write(text + "\n");
const err = (text: string) => process.stderr.write(text + "\n");

async function main(argv: string[]): Promise<number> {
  let options: SimulateOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`simulate: ${error.message}\nRun npm run simulate -- --help for the options.`);
    return 2;
  }
  if (options.help) {
    out(HELP);
    return 0;
  }

  const loaded = loadSettings(options.target, options.providers);
  if (!loaded.ok) {
    err("simulate: the configuration does not allow signing:");
    for (const line of loaded.errors) err(`  ✗ ${line}`);
    return 2;
  }
  const { settings } = loaded;
  const seed = options.seed ?? randomSeed();
  let plan;
  try {
    plan = buildPlan({ ...options, seed, now: new Date() });
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    err(`simulate: ${error.message}`);
    return 2;
  }

  const publicUrls = Object.fromEntries(
    options.providers.map((p) => [p, settings.publicUrls[p]]),
  ) as typeof settings.publicUrls;
  const chatty = !options.quiet && !options.json;
  if (chatty) out(describePlan(plan, settings.target, publicUrls, options.outOfOrder));

  // The sender registers its messages (most before their callbacks, some after).
  const registrations = splitRegistrations(plan.messages, seed);
  const senders = {
    sms: settings.twilioFrom ?? "+14155550100",
    email: settings.resendFrom ?? "notifications@example.com",
  };
  const register = async (messages: typeof plan.messages, when: string) => {
    if (!options.register || !settings.apiKey || !messages.length) return;
    let r;
    try {
      r = await registerMessages(settings.target, settings.apiKey, messages, senders);
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(
        `could not register messages at ${settings.target}` +
          (code === "ECONNREFUSED"
            ? ": is Signalboard running? start it with npm start"
            : `: ${String(error)}`),
      );
    }
    if (chatty) out(`  registered ${r.registered} messages ${when} through POST /api/messages/batch`);
    for (const f of r.failed.slice(0, 5)) err(`  ✗ registration refused (${f.status}): ${f.error}`);
    if (r.failed.length) registrationFailures += r.failed.length;
  };
  let registrationFailures = 0;
  if (options.register && !settings.apiKey && chatty) {
    out(
      "  API_KEYS is not set: messages are not registered, so every event stays unmatched (npm start generates a key)",
    );
  }
  await register(registrations.early, "before their callbacks");

  let done = 0;
  const progress =
    chatty && process.stderr.isTTY
      ? setInterval(() => process.stderr.write(`\r  ${done}/${plan.items.length} sent`), 250)
      : null;
  const run = await sendAll(plan.items.length, requestFactory(plan, requestContexts(settings, seed)), {
    concurrency: options.concurrency,
    rate: options.rate,
    timeoutMs: REQUEST_TIMEOUT_MS,
    onResult: () => {
      done++;
    },
  });
  if (progress) {
    clearInterval(progress);
    process.stderr.write("\r\x1b[K");
  }
  await register(registrations.late, "after their callbacks (their events are linked now)");

  const summary = summarize({
    plan,
    run,
    target: settings.target,
    publicUrls,
    unknownMessageStatus: settings.unknownMessageStatus,
    notes: settings.notes,
  });
  out(options.json ? formatJson(summary) : formatSummary(summary, options.quiet));
  return summary.ok && registrationFailures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`simulate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
