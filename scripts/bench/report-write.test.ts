// The ingest bench rewrites only its own report: the hand-written head and the sections the page and
// live-log benches own are kept, whichever ran last.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeMarkedSection } from "./marked-section";
import { END_MARKER, MARKER, writeReport } from "./report";

const OVERVIEW_START = "<!-- overview-bench:start -->";
const OVERVIEW_END = "<!-- overview-bench:end -->";

describe("writeReport", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fileWith = (text: string) => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-report-"));
    const file = path.join(dir, "benchmarks.md");
    writeFileSync(file, text);
    return file;
  };

  it("keeps the head and the other benches' sections of a file written before the end marker existed", () => {
    const file = fileWith(
      `# Head\n\nhand-written\n\n${MARKER}\n\n## Latest run\n\nold ingest figures\n\n${OVERVIEW_START}\noverview figures\n${OVERVIEW_END}\n\n### Overview findings\n\nkept\n`,
    );
    writeReport(file, "## Latest run\n\nnew ingest figures");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("hand-written");
    expect(text).toContain("new ingest figures");
    expect(text).not.toContain("old ingest figures");
    expect(text).toContain(`${OVERVIEW_START}\noverview figures\n${OVERVIEW_END}`);
    expect(text).toContain("### Overview findings\n\nkept");
    expect(text.indexOf(END_MARKER)).toBeLessThan(text.indexOf(OVERVIEW_START));
  });

  it("replaces only its report when run again, and the page bench's section survives either order", () => {
    const file = fileWith(`# Head\n\n${MARKER}\n\nfirst\n`);
    writeReport(file, "first ingest");
    writeMarkedSection(file, `${OVERVIEW_START}\npages\n${OVERVIEW_END}`, OVERVIEW_START, OVERVIEW_END);
    writeReport(file, "second ingest");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("second ingest");
    expect(text).not.toContain("first ingest");
    expect(text).toContain(`${OVERVIEW_START}\npages\n${OVERVIEW_END}`);
    expect(text.split(END_MARKER)).toHaveLength(2);
  });
});
