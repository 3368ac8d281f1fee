// Facts that make a run comparable with another: machine, versions, commit, and how busy the machine was.
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface MachineFacts {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  commit: string;
  /** Build inputs (app, lib, …) differ from the commit: the build measured is not exactly the commit. */
  uncommittedBuildInputs: boolean;
  loadAtStart: number[];
  loadAtEnd?: number[];
  postgres?: string;
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
}

export function machineFacts(root: string): MachineFacts {
  const inputs = [
    "app",
    "components",
    "lib",
    "instrumentation.ts",
    "proxy.ts",
    "next.config.js",
    "tsconfig.json",
    "package-lock.json",
    "prisma",
  ];
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit: git(root, ["rev-parse", "--short", "HEAD"]) || "unknown",
    uncommittedBuildInputs: git(root, ["status", "--porcelain", "--", ...inputs]) !== "",
    loadAtStart: os.loadavg(),
  };
}

export function endLoad(facts: MachineFacts): void {
  facts.loadAtEnd = os.loadavg();
}
