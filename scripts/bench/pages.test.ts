// Which databases the page sections seed: one per (database, size), shared by the sections asked for at
// that size, so `--overview --support` seeds each database once per size instead of twice.
import { describe, expect, it } from "vitest";
import { parseOptions, type BenchOptions } from "./options";
import { pageTargets } from "./pages";

const options = (argv: string[]) => parseOptions(argv) as BenchOptions;

describe("pageTargets", () => {
  it("seeds each (database, size) once for both sections", () => {
    expect(pageTargets(options(["--overview", "--support"]))).toEqual([
      { db: "pglite", messages: 100_000, overview: true, support: true },
      { db: "pglite", messages: 1_000_000, overview: true, support: true },
      { db: "postgres", messages: 100_000, overview: true, support: true },
      { db: "postgres", messages: 1_000_000, overview: true, support: true },
    ]);
  });

  it("times each section only at its own sizes, smallest first", () => {
    expect(
      pageTargets(
        options([
          "--db",
          "postgres",
          "--overview",
          "--overview-sizes",
          "50000",
          "--support",
          "--support-sizes",
          "20000,50000",
        ]),
      ),
    ).toEqual([
      { db: "postgres", messages: 20_000, overview: false, support: true },
      { db: "postgres", messages: 50_000, overview: true, support: true },
    ]);
  });

  it("seeds no support data when only the overview runs", () => {
    expect(pageTargets(options(["--db", "pglite", "--overview", "--overview-sizes", "1000"]))).toEqual([
      { db: "pglite", messages: 1000, overview: true, support: false },
    ]);
  });
});
