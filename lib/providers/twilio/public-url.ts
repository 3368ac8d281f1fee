// Twilio signs the exact URL it called. Behind a proxy or TLS terminator the request's own Host and
// scheme are internal, so the URL is rebuilt from configuration plus the query exactly as received.

function stripFragment(text: string): string {
  const hash = text.indexOf("#");
  return hash === -1 ? text : text.slice(0, hash);
}

/**
 * `baseUrl` (e.g. WEBHOOK_BASE_URL, may end in "/") + `path` (the configured webhook path) + `rawQuery`
 * (the request's query string with or without its leading "?", not re-encoded). Any query or fragment
 * inside `path` is dropped: the request's raw query is the authority on what Twilio called.
 */
export function buildPublicUrl(baseUrl: string, path: string, rawQuery: string): string {
  const base = stripFragment(baseUrl.trim()).replace(/\/+$/, "");
  const pathOnly = stripFragment(path.trim()).split("?")[0].replace(/^\/+/, "");
  const query = stripFragment(rawQuery).replace(/^\?/, "");
  const url = pathOnly === "" ? base : `${base}/${pathOnly}`;
  return query === "" ? url : `${url}?${query}`;
}
