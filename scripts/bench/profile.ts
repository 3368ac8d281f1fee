// Summarizes a V8 CPU profile of next-server (node --cpu-prof): where the busy time went, by layer and by
// function (self time), so "ingest is slower than the no-op route" comes with the place to look.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled wall time, seconds. */
  seconds: number;
  /** Share of the sampled time the process was busy (not idle). */
  busyShare: number;
  layers: Array<{ layer: string; share: number }>;
  functions: Array<{ name: string; where: string; layer: string; share: number }>;
}

/** Which layer a frame belongs to, from its script URL (the app's own code is bundled into the build). */
function layerOfUrl(url: string): string | null {
  if (!url || url.startsWith("wasm://")) return null;
  if (/pglite/i.test(url)) return "PGlite";
  if (/@prisma|generated[\\/]prisma|query_compiler/i.test(url)) return "Prisma";
  if (/node_modules[\\/](pg|pg-protocol|pg-pool|pg-types)[\\/]/.test(url)) return "pg driver";
  if (/node_modules[\\/](twilio|scmp|standardwebhooks)[\\/]/.test(url)) return "signature libs";
  if (/node_modules[\\/](pino|thread-stream|sonic-boom)/.test(url)) return "logging (pino)";
  if (/node_modules[\\/]next[\\/]/.test(url)) return "Next.js";
  if (/\.next-bench[\\/]server[\\/]/.test(url)) return "app bundle (lib/*, zod, route, proxy)";
  if (/[\\/](lib|app)[\\/]/.test(url) && !url.includes("node_modules")) return "app (lib/*, app/*)";
  if (/[\\/]scripts[\\/]bench/.test(url)) return "bench itself";
  if (url.startsWith("node:internal/deps/undici")) return "Fetch API objects (undici)";
  if (url.startsWith("node:internal/webstreams")) return "Web streams";
  if (url.startsWith("node:")) return "Node core (http, events, async hooks…)";
  return "other JS";
}

/**
 * Native and WebAssembly frames have no script of their own: they are charged to the nearest caller that
 * has one (so PGlite's and Prisma's WebAssembly land in PGlite and Prisma). GC and V8's own work stay apart.
 */
function layerOf(node: ProfileNode, parentOf: Map<number, ProfileNode>): string {
  const name = node.callFrame.functionName;
  if (name === "(garbage collector)") return "GC";
  if (name === "(program)") return "V8 (program)";
  for (let n: ProfileNode | undefined = node; n; n = parentOf.get(n.id)) {
    const layer = layerOfUrl(n.callFrame.url);
    if (layer) return layer;
  }
  return node.callFrame.url.startsWith("wasm://")
    ? "WebAssembly (caller unknown)"
    : "native (caller unknown)";
}

function shortWhere(url: string, line: number): string {
  if (!url) return "";
  const trimmed = url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules[\\/]/, "")
    .replace(/^.*\.next-bench[\\/]/, ".next-bench/");
  return `${trimmed}:${line + 1}`;
}

/**
 * Only the samples of the measured window count: given as milliseconds before the end of the profile (the
 * process's exit), since the profile's clock is not the wall clock.
 */
export interface ProfileWindow {
  fromMsBeforeEnd: number;
  untilMsBeforeEnd: number;
}

export function summarizeProfile(file: string, window?: ProfileWindow, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n);
  const selfUs = new Map<number, number>();
  const from = window ? profile.endTime - window.fromMsBeforeEnd * 1000 : -Infinity;
  const until = window ? profile.endTime - window.untilMsBeforeEnd * 1000 : Infinity;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from && at < until) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  let total = 0;
  let idle = 0;
  const layers = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; layer: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    const layer = layerOf(node, parentOf);
    layers.set(layer, (layers.get(layer) ?? 0) + us);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = functions.get(key) ?? {
      name: functionName || "(anonymous)",
      where: shortWhere(url, lineNumber),
      layer,
      us: 0,
    };
    entry.us += us;
    functions.set(key, entry);
  }
  const busy = total - idle;
  return {
    file,
    seconds: total / 1e6,
    busyShare: total ? busy / total : 0,
    layers: [...layers].map(([layer, us]) => ({ layer, share: us / busy })).sort((a, b) => b.share - a.share),
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, layer: f.layer, share: f.us / busy })),
  };
}

export function findProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort();
  return files.length ? path.join(dir, files[files.length - 1]) : undefined;
}
