// Each bench that owns a section of docs/benchmarks.md rewrites only the text between its own markers,
// so running one bench leaves the others' figures as they were.
import { readFileSync, writeFileSync } from "node:fs";

/** Replaces the text from `start` to `end` (markers included) with `section`, or appends it. */
export function writeMarkedSection(file: string, section: string, start: string, end: string): void {
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + section + text.slice(to + end.length)
      : text.trimEnd() + "\n\n" + section + "\n";
  writeFileSync(file, next);
}
