// Command-line options (node:util parseArgs), checked and typed; --help prints HELP.
import { parseArgs } from "node:util";
import type { Provider } from "./lifecycle";

export interface SimulateOptions {
  help: boolean;
  target: string | null;
  count: number;
  rate: number;
  concurrency: number;
  providers: Provider[];
  messages: number | null;
  duplicates: number;
  outOfOrder: boolean;
  bad: number;
  campaign: string | null;
  days: number;
  register: boolean;
  seed: string | null;
  quiet: boolean;
  json: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: npm run simulate -- [options]

Registers messages through the sender API (with the first key of API_KEYS; most before their callbacks,
some after), then posts realistic, correctly signed Twilio status callbacks and Resend (Svix) email
events for them to a running Signalboard, signed with the official libraries and the configured secrets (first of each rotation list)
over the configured public URLs (WEBHOOK_BASE_URL). Exits non-zero if a request failed to reach the
server, a correctly signed request was refused, or a bad request was accepted.

Options:
  --target <url>        where to send (default: http://localhost:$PORT); signatures are still computed
                        over the public URL from WEBHOOK_BASE_URL
  --count <n>           requests in all, redeliveries and bad requests included (default: 200)
  --rate <r>            requests per second; 0 = as fast as possible (default: 0)
  --concurrency <c>     requests in flight at once (default: 10)
  --provider <p>        twilio | resend | both (default: both)
  --messages <m>        distinct messages the events are spread over (default: about 3 events each)
  --duplicates <p>      fraction of requests that are exact redeliveries: same svix-id / same
                        I-Twilio-Idempotency-Token, same bytes (default: 0)
  --out-of-order        shuffle each message's events (e.g. delivered before sent)
  --bad <p>             fraction of bad requests: tampered body, wrong secret, sha256= scheme, stale
                        timestamp, wrong URL, malformed payload after a valid signature, wrong
                        content type (default: 0)
  --campaign <name>     one campaign for every message (Resend tag \`campaign\`, one broadcast_id);
                        default: a few realistic campaigns
  --days <d>            messages were sent over the last d days, their events arrive now (default: 7;
                        0 with MESSAGE_ID_MAPPING_STRATEGY=timestamp, which matches by send time)
  --no-register         do not register the messages through the API first (every event stays unmatched)
  --seed <s>            reproducible run: the same seed gives the same ids, events and order (re-sending
                        a seed to the same database makes every event a duplicate)
  --quiet               print only the one-line result and any failures
  --json                print the summary as JSON
  -h, --help            show this help
`;

const PROVIDERS: Record<string, Provider[]> = {
  twilio: ["twilio"],
  resend: ["resend"],
  both: ["twilio", "resend"],
};

export function parseOptions(argv: string[]): SimulateOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: "boolean", short: "h", default: false },
        target: { type: "string" },
        count: { type: "string", default: "200" },
        rate: { type: "string", default: "0" },
        concurrency: { type: "string", default: "10" },
        provider: { type: "string", default: "both" },
        messages: { type: "string" },
        duplicates: { type: "string", default: "0" },
        "out-of-order": { type: "boolean", default: false },
        bad: { type: "string", default: "0" },
        campaign: { type: "string" },
        days: { type: "string", default: "7" },
        "no-register": { type: "boolean", default: false },
        seed: { type: "string" },
        quiet: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  const providers = PROVIDERS[values.provider];
  if (!providers) throw new UsageError(`--provider must be twilio, resend or both, got "${values.provider}"`);
  const campaign = values.campaign?.trim() || null;
  return {
    help: values.help,
    target: values.target === undefined ? null : parseTarget(values.target),
    count: integer("--count", values.count, 1),
    rate: number("--rate", values.rate, 0, Infinity),
    concurrency: integer("--concurrency", values.concurrency, 1, 10_000),
    providers,
    messages: values.messages === undefined ? null : integer("--messages", values.messages, 1),
    duplicates: number("--duplicates", values.duplicates, 0, 1),
    outOfOrder: values["out-of-order"],
    bad: number("--bad", values.bad, 0, 1),
    campaign,
    days: number("--days", values.days, 0, 365),
    register: !values["no-register"],
    seed: values.seed?.trim() || null,
    quiet: values.quiet,
    json: values.json,
  };
}

function number(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `a number of at least ${min}` : `a number from ${min} to ${max}`;
    throw new UsageError(`${name} must be ${range}, got "${text}"`);
  }
  return value;
}

function integer(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(
      `${name} must be a whole number of at least ${min}${max < Number.MAX_SAFE_INTEGER ? ` and at most ${max}` : ""}, got "${text}"`,
    );
  }
  return value;
}

function parseTarget(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--target must be a URL such as http://localhost:3000, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--target must be http(s), got "${text}"`);
  if (url.search || url.hash) throw new UsageError("--target must not carry a query string or fragment");
  return url.origin + url.pathname.replace(/\/+$/, "");
}
