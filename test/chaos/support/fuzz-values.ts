// The hostile values the fuzzer puts into real payloads: what remote systems really write (NUL bytes in a
// bounce text, a newline in a number, a year-zero date), what JSON can carry but PostgreSQL cannot (lone
// surrogates), nesting deep enough to overflow a recursive serialiser, and fast-check's own strings.
import fc from "fast-check";

/** Values the findings name, each sent for sure (fast-check adds its own around them). */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "SM\u0000x",
  "e\u0000" + "0".repeat(8),
  "a\u0000b@example.com",
  "550 no\u0000such user",
  "\ud800",
  "\udfff",
  "\ude33\udfca",
  "k\ud800",
  "+1415555\n0100",
  "+1415555\r\n0100",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "+275760-09-13T00:00:00.001Z",
  "-000001-01-01T00:00:00Z",
  "2026-02-30T25:61:61Z",
  "1e309",
  "-1",
  "NaN",
  "null",
  "%00",
  "\ufeff",
  "😀".repeat(50),
  "x".repeat(20_000),
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
] as const;

/** Strings: the hostile list, arbitrary code points (lone surrogates and NUL among them), long text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 2_000 }) },
);

/** Any JSON value, with hostile strings as keys and values. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 4 }),
  },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -0, 1e308, -1, 2 ** 53 + 1) },
);

const NESTED = "\u0000nested\u0000";

/** A placeholder for nested JSON: put it in a payload, then serialise with serialiseNested(). */
export const NESTED_PLACEHOLDER = NESTED;

/**
 * The payload as JSON text with the placeholder replaced by `levels` nested objects ({"a":{"a":…}}) or
 * arrays. Built as text: JSON.stringify of such a value overflows the stack of the process sending it too.
 */
export function serialiseNested(payload: unknown, levels: number, kind: "object" | "array"): string {
  const [open, close] = kind === "object" ? ['{"a":', "}"] : ["[", "]"];
  const nested = open.repeat(levels) + '"bottom"' + close.repeat(levels);
  return JSON.stringify(payload).replace(JSON.stringify(NESTED), nested);
}

/** Bytes that are not UTF-8: a lone continuation byte, an overlong NUL, a truncated sequence, a surrogate. */
export const invalidUtf8: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc
  .tuple(
    fc.string({ maxLength: 40 }),
    fc.constantFrom([0x80], [0xc0, 0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xf8, 0x88]),
  )
  .map(([text, bad]) => new Uint8Array([...Buffer.from(`{"type":"${text}`), ...bad, ...Buffer.from('"}')]));
