// npm run bench -- [--db pglite|postgres|both] [--duration S] [--connections C] [--quick] [--profile] …
//
// Measures the webhook ingest path against the product's targets on THIS machine: builds the production
// server into .next-bench when stale, starts it (and, for PostgreSQL, a second instance) with a clean
// environment on 127.0.0.1, drives it with autocannon and a paced sender, checks in the database that every
// acknowledged request was stored, prints a markdown report and writes it into docs/benchmarks.md.
// Everything it starts or creates (servers, databases, temp dirs) is removed at the end, also on Ctrl-C.
// Method and targets: docs/benchmarks.md. Pieces: scripts/bench/*.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeBuildStamp } from "./build-stamp";
import { ensureBuild } from "./bench/build";
import { cleanupMark, onCleanup, runCleanup } from "./bench/cleanup";
import { say } from "./bench/log";
import { endLoad, machineFacts } from "./bench/machine";
import { proxyCoverage } from "./bench/middleware";
import { runMetrics, type MetricsResult } from "./bench/metrics";
import { renderOverviewSection, writeOverviewSection } from "./bench/overview-report";
import { runPageSections } from "./bench/pages";
import { renderSupportSection, writeSupportSection } from "./bench/support-report";
import { runLiveLog, type LiveLogRun } from "./bench/live-log";
import { renderLiveLogSection, writeLiveLogSection } from "./bench/live-log-report";
import { parseOptions, USAGE, type BenchOptions } from "./bench/options";
import { postgresVersion } from "./bench/postgres";
import { problems, renderReport, writeReport, type RunReport } from "./bench/report";
import { runSuite, type SuiteResult } from "./bench/scenarios";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let options: BenchOptions | "help";
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${message(error)}\n${USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const opts = options;
  const root = process.cwd();
  const facts = machineFacts(root);

  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      say(`${signal}: stopping servers, dropping databases, removing temp files…`);
      void runCleanup().finally(() => process.exit(130));
    });
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), "signalboard-bench-"));
  onCleanup(`remove ${tmp}`, () => {
    if (opts.keep) say(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  });

  if (opts.overview || opts.support) return runPagesOnly(root, tmp, opts);
  if (opts.liveLog) return runSectionOnly(root, opts, liveLogBench(root, tmp, opts));

  try {
    const build = await ensureBuild(root);
    if (opts.dbs.includes("postgres")) facts.postgres = await postgresVersion();
    const suites: SuiteResult[] = [];
    const failures: string[] = [];
    for (const db of opts.dbs) {
      const mark = cleanupMark();
      try {
        say(
          `— ${db}: ${opts.seconds} s per scenario after ${opts.warmup} s warm-up, ${opts.connections} connections`,
        );
        suites.push(await runSuite({ root, tmp, options: opts }, db));
      } catch (error) {
        failures.push(`${db}: the run failed: ${message(error)}`);
        say(`${db} failed: ${message(error)}`);
      } finally {
        await runCleanup(mark);
      }
    }
    let metrics: MetricsResult | undefined;
    let metricsError: string | undefined;
    if (opts.metrics) {
      const mark = cleanupMark();
      try {
        metrics = await runMetrics(root, tmp, 1_000_000, opts.quick ? 20 : 50);
      } catch (error) {
        metricsError = message(error);
        failures.push(`metrics at 1M messages failed: ${metricsError}`);
      } finally {
        await runCleanup(mark);
      }
    }
    endLoad(facts);
    const proxy = proxyCoverage(build.distDir, ["/bench/noop", "/webhooks/twilio", "/webhooks/resend"]);
    const stampAtEnd = computeBuildStamp(root).slice(0, 12);
    const report: RunReport = {
      facts,
      options: opts,
      argv,
      build,
      stampAtEnd,
      proxy,
      suites,
      metrics,
      metricsError,
      failures,
    };
    const markdown = renderReport(report);
    process.stdout.write(`${markdown}\n`);
    if (opts.write) {
      const file = path.join(root, "docs", "benchmarks.md");
      writeReport(file, markdown);
      say(`report written to ${path.relative(root, file)}`);
    }
    const issues = problems(report);
    if (issues.length) say(`${issues.length} problem(s) in this run: see the report`);
    return issues.length ? 1 : 0;
  } finally {
    await runCleanup();
  }
}

/** One section of docs/benchmarks.md measured on its own (--overview, --live-log, --support). */
interface SectionBench<Run> {
  /** Each scenario runs with its own cleanup (servers, databases) before the next starts. */
  scenarios: Array<() => Promise<Run>>;
  render(runs: Run[], machine: string, date: Date): string;
  write(file: string, section: string): void;
  /** The exit code once the section is written: 0 unless a target is checked and missed. */
  exitCode(runs: Run[]): number;
}

async function runSectionOnly<Run>(
  root: string,
  opts: BenchOptions,
  bench: SectionBench<Run>,
): Promise<number> {
  try {
    await ensureBuild(root);
    const runs: Run[] = [];
    for (const scenario of bench.scenarios) {
      const mark = cleanupMark();
      try {
        runs.push(await scenario());
      } finally {
        await runCleanup(mark);
      }
    }
    const facts = machineFacts(root);
    const section = bench.render(
      runs,
      `${facts.cores} cores (${facts.cpuModel}), Node ${facts.node}, commit ${facts.commit}`,
      new Date(),
    );
    process.stdout.write(`\n${section}\n`);
    if (opts.write) bench.write(path.join(root, "docs", "benchmarks.md"), section);
    return bench.exitCode(runs);
  } finally {
    await runCleanup();
  }
}

/**
 * The overview and/or the support pages (--overview, --support): one seeded database per (database, size)
 * serves both, and each section asked for is written into its own part of docs/benchmarks.md.
 */
async function runPagesOnly(root: string, tmp: string, opts: BenchOptions): Promise<number> {
  try {
    await ensureBuild(root);
    const runs = await runPageSections(root, tmp, opts);
    const facts = machineFacts(root);
    const machine = `${facts.cores} cores (${facts.cpuModel}), Node ${facts.node}, commit ${facts.commit}`;
    const when = new Date();
    const file = path.join(root, "docs", "benchmarks.md");
    const sections = [
      opts.overview
        ? {
            section: renderOverviewSection(runs.overview, machine, when, runs.failures),
            write: writeOverviewSection,
          }
        : null,
      opts.support
        ? {
            section: renderSupportSection(runs.support, machine, when, runs.failures),
            write: writeSupportSection,
          }
        : null,
    ];
    for (const s of sections) {
      if (!s) continue;
      process.stdout.write(`\n${s.section}\n`);
      if (opts.write) s.write(file, s.section);
    }
    for (const failure of runs.failures) say(`not measured: ${failure}`);
    return runs.failures.length ? 1 : 0;
  } finally {
    await runCleanup();
  }
}

function liveLogBench(root: string, tmp: string, opts: BenchOptions): SectionBench<LiveLogRun> {
  return {
    scenarios: opts.dbs.map((db) => () => runLiveLog(root, tmp, db, opts.quick ? 100 : 400, 20)),
    render: renderLiveLogSection,
    write: writeLiveLogSection,
    exitCode: (runs) => (runs.every((r) => r.latency.p95 < 1_000 && r.missing === 0) ? 0 : 1),
  };
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await runCleanup();
    process.exit(1);
  },
);
