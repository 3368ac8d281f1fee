// How deeply a JSON text nests, counted on the raw text without parsing it (no recursion, no allocation):
// a body nested thousands of levels deep would overflow the stack of everything that walks the parsed
// value later (validation, serialisation), and no provider sends more than a handful of levels.

/** Deeper than any provider's payload by far; deeper bodies are refused before they are parsed. */
export const MAX_JSON_DEPTH = 64;

export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
