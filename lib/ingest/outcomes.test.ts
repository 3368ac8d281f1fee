// The outcome list is written once; the docs and the schema must follow it, not keep a copy that drifts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTCOME_MEANINGS } from "./outcome-meaning";
import { OUTCOMES } from "./outcomes";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

function documentedOutcomes(): string[] {
  const section = read("docs/api.md").split("### Request outcomes")[1]?.split(/\n#+ /)[0] ?? "";
  return [...section.matchAll(/^\| `([a-z_]+)`/gm)].map((m) => m[1]);
}

describe("the one list of request outcomes", () => {
  it("is what docs/api.md lists, in the same order", () => {
    expect(documentedOutcomes()).toEqual([...OUTCOMES]);
  });

  it("has a plain-words meaning for the live log for each outcome, and nothing else", () => {
    expect(Object.keys(OUTCOME_MEANINGS)).toEqual([...OUTCOMES]);
  });

  it("is cited, not copied, by the schema's comment on webhook_request.outcome", () => {
    const schema = read("prisma/schema.prisma");
    const comment = /\/\/\/([^\n]*)\n\s*outcome\s+String/.exec(schema)?.[1] ?? "";
    expect(comment).toContain("lib/ingest/outcomes.ts");
  });

  it("holds only what can be a row: aborted is one, unavailable is not", () => {
    expect(OUTCOMES).toContain("aborted");
    expect(OUTCOMES).not.toContain("unavailable");
  });
});
