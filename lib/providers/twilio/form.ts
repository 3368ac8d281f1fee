// Twilio signs the decoded form values, every key (empty ones too) and every value of a repeated key,
// so the body is parsed here from the raw text instead of trusting a framework parser.

/** Decoded x-www-form-urlencoded parameters: a repeated key becomes an array, in the order received. */
export type FormParams = Record<string, string | string[]>;

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Form-decodes one key or value: `+` is a space, then each run of `%XX` escapes is UTF-8 decoded.
 * A malformed escape (`%G1`, a lone `%`, bytes that are not UTF-8) is kept as raw text, never thrown.
 */
export function decodeFormComponent(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(PERCENT_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Parses a raw `application/x-www-form-urlencoded` body. Never throws. */
export function parseForm(rawBody: string): FormParams {
  // A Map keeps keys such as "__proto__" or "constructor" as ordinary data.
  const values = new Map<string, string[]>();
  for (const pair of rawBody.split("&")) {
    if (pair === "") continue;
    const separator = pair.indexOf("=");
    const key = decodeFormComponent(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? "" : decodeFormComponent(pair.slice(separator + 1));
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  return Object.fromEntries(
    Array.from(values, ([key, list]) => [key, list.length === 1 ? list[0] : list] as const),
  );
}
