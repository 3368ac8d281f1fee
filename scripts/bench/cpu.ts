// CPU time of processes from /proc (Linux): next-server itself, and the PostgreSQL backends serving the
// bench's database (found by the database name in their process title). Without a profiler's overhead,
// this says how much CPU one answered request costs, and on which side.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on Linux x86 and arm

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

/** PIDs of PostgreSQL backends connected to this database ("postgres: user db 127.0.0.1(port) …"). */
export function backendPids(database: string): number[] {
  if (!existsSync("/proc")) return [];
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (title.startsWith("postgres: ") && title.split(" ").includes(database)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuSample {
  ticks: Map<number, number>;
}

export function sampleCpu(pids: number[]): CpuSample {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    const t = cpuTicks(pid);
    if (t !== undefined) ticks.set(pid, t);
  }
  return { ticks };
}

/** CPU seconds used between two samples (processes that appeared in between count from zero). */
export function cpuSecondsBetween(before: CpuSample, after: CpuSample): number {
  let ticks = 0;
  for (const [pid, t] of after.ticks) ticks += t - (before.ticks.get(pid) ?? 0);
  return ticks / TICKS_PER_SECOND;
}

export const canMeasureCpu = existsSync("/proc/self/stat");
