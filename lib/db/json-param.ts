// Rows travel to PostgreSQL as one JSON parameter, read with jsonb_to_recordset: one statement for a
// whole batch, whatever its size.

const NUL_ESCAPE = /\\u0000/g;
const LONE_SURROGATE = /\\ud[89a-f][0-9a-f]{2}/i;

/**
 * Rows as one JSON parameter. PostgreSQL text and jsonb cannot hold U+0000, which a request may carry
 * (decoded form values, "\u0000" in JSON): it is stored as U+FFFD. The check costs nothing when absent.
 */
export function toJsonParam(rows: unknown[]): string {
  let json = JSON.stringify(rows);
  // JSON.stringify escapes a lone surrogate ("\ud800"), which jsonb refuses: make such strings well-formed.
  if (LONE_SURROGATE.test(json))
    json = JSON.stringify(rows, (_key, value) => (typeof value === "string" ? value.toWellFormed() : value));
  return json.includes("\\u0000")
    ? json.replace(NUL_ESCAPE, (match, offset: number) => (escaped(json, offset) ? match : "\\ufffd"))
    : json;
}

// A "\u0000" preceded by an odd number of backslashes is the text \u0000, not a NUL.
function escaped(json: string, offset: number): boolean {
  let slashes = 0;
  for (let i = offset - 1; i >= 0 && json[i] === "\\"; i--) slashes++;
  return slashes % 2 === 1;
}
