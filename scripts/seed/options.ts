// `npm run seed -- --messages N [--days D]`: checked and typed options.
import { parseArgs } from "node:util";

export interface SeedOptions {
  help: boolean;
  messages: number;
  days: number;
}

export class SeedUsageError extends Error {}

export const SEED_HELP = `Usage: npm run seed -- --messages <n> [--days <d>]

Fills the configured database (DATABASE_URL, or the embedded one in DATA_DIR) with realistic synthetic
traffic by bulk SQL: n messages (SMS and email over a dozen campaigns) sent over the last d days (default
90), their provider ids and status events, and the counters and rollups the overview reads. Added to what
is there. The embedded database must not be in use: stop the server first.

Options:
  --messages <n>   how many messages (1 to 10,000,000)
  --days <d>       spread over the last d days (1 to 400, default 90)
  -h, --help       show this help
`;

export function parseSeedOptions(argv: string[]): SeedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        help: { type: "boolean", short: "h", default: false },
        messages: { type: "string" },
        days: { type: "string", default: "90" },
      },
    }));
  } catch (error) {
    throw new SeedUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true, messages: 0, days: 90 };
  if (values.messages === undefined) throw new SeedUsageError("--messages <n> is required");
  return {
    help: false,
    messages: whole("--messages", values.messages.replace(/[_,]/g, ""), 1, 10_000_000),
    days: whole("--days", values.days, 1, 400),
  };
}

function whole(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new SeedUsageError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return n;
}
