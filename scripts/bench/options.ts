// Command line of `npm run bench -- …`.
import { parseArgs } from "node:util";

export type DbKind = "pglite" | "postgres";

export interface BenchOptions {
  dbs: DbKind[];
  /** Measured seconds per scenario. */
  seconds: number;
  /** Warm-up seconds before each measured run (same load, not counted). */
  warmup: number;
  connections: number;
  /** The steady scenario's rate, requests per second. */
  rate: number;
  quick: boolean;
  /** Also run a CPU-profiled server (no-op vs Twilio ingest) and report where its time goes. */
  profile: boolean;
  /** Seed 1M messages in PostgreSQL and time GET /api/metrics/summary. */
  metrics: boolean;
  /** Write the report into docs/benchmarks.md (else: stdout only). */
  write: boolean;
  /** Keep the temp directory (server logs, profiles) for inspection. */
  keep: boolean;
  /** A line printed at the top of the report, e.g. "preliminary: machine busy". */
  note?: string;
  /** Only the overview scenarios, at these message counts (--overview). */
  overview?: number[];
  /** Only the live log's latency scenario (--live-log). */
  liveLog: boolean;
  /** Only the support pages' scenarios, at these message counts (--support). */
  support?: number[];
}

export const USAGE = `usage: npm run bench -- [--db pglite|postgres|both] [--duration S] [--warmup S] [--connections C]
                        [--rate R] [--quick] [--profile] [--metrics|--no-metrics] [--no-write] [--keep] [--note TEXT]
  --db           which database(s) to run on (default both)
  --duration     measured seconds per scenario (default 20; --quick: 5)
  --warmup       warm-up seconds before each measured run (default 5; --quick: 2)
  --connections  concurrent connections of the closed-loop runs (default 50)
  --rate         rate of the steady scenario, req/s (default 200)
  --quick        short runs, no 1M-message metrics seeding (unless --metrics)
  --profile      also profile next-server (node --cpu-prof): where the time goes, no-op vs ingest
  --metrics      seed 1M messages in PostgreSQL and time GET /api/metrics/summary (default on, off with --quick)
  --no-write     print the report only; leave docs/benchmarks.md alone
  --keep         keep the temp directory (server logs, CPU profiles)
  --note         a line to print at the top of the report
  --overview     only the overview: seed 100k and 1M messages on each --db, time the HTML of / and
                 GET /api/metrics/summary; rewrites only its section of docs/benchmarks.md
  --overview-sizes N,M  other message counts for --overview
  --live-log     only the live log: provider's 2xx to the event on an open stream, p50/p95 per --db
  --support      only the support pages: seed 100k and 1M messages on each --db, time the HTML of
                 /messages (no search, phone, provider id, stuck), /messages/[id] (50 events),
                 /messages/unmatched and /suppressions; rewrites only its section of docs/benchmarks.md
  --support-sizes N,M   other message counts for --support
  --overview --support  both, seeding each database once per size for the two sections`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      rate: { type: "string" },
      quick: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      metrics: { type: "boolean" },
      "no-metrics": { type: "boolean" },
      "no-write": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      note: { type: "string" },
      overview: { type: "boolean", default: false },
      "overview-sizes": { type: "string" },
      "live-log": { type: "boolean", default: false },
      support: { type: "boolean", default: false },
      "support-sizes": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";
  const db = values.db ?? "both";
  if (!["pglite", "postgres", "both"].includes(db))
    throw new Error(`--db must be pglite, postgres or both, got "${db}"`);
  const quick = values.quick;
  return {
    dbs: db === "both" ? ["pglite", "postgres"] : [db as DbKind],
    seconds: positive("duration", values.duration, quick ? 5 : 20),
    warmup: positive("warmup", values.warmup, quick ? 2 : 5),
    connections: Math.round(positive("connections", values.connections, 50)),
    rate: positive("rate", values.rate, 200),
    quick,
    profile: values.profile,
    metrics: db !== "pglite" && (values["no-metrics"] ? false : (values.metrics ?? !quick)),
    write: !values["no-write"],
    keep: values.keep,
    note: values.note,
    liveLog: values["live-log"],
    support: values.support
      ? (values["support-sizes"] ?? "100000,1000000")
          .split(",")
          .map((n) => Math.round(positive("support-sizes", n, 0)))
      : undefined,
    overview: values.overview
      ? (values["overview-sizes"] ?? "100000,1000000")
          .split(",")
          .map((n) => Math.round(positive("overview-sizes", n, 0)))
      : undefined,
  };
}
