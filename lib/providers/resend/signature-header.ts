// Reads a `svix-signature` header the way standardwebhooks 1.1.1 does (entries split on spaces, each
// entry split on ","; only version "v1" counts) and explains, without echoing any digest, why nothing
// in it could match.

export interface SignatureEntries {
  /** Base64 digests of the `v1,` entries, in header order. */
  v1: string[];
  total: number;
  /** Versions other than v1 (e.g. "v1a" for ed25519), which the library skips. */
  otherVersions: string[];
  /** Entries with no "," at all, such as `sha256=<hex>`. */
  unversioned: number;
  /** True when an entry uses the `sha256=<hex>` form, a scheme Resend never uses. */
  hasSha256Prefix: boolean;
}

export function parseSignatureHeader(header: string): SignatureEntries {
  const entries = header.split(/\s+/).filter(Boolean);
  const v1: string[] = [];
  const otherVersions = new Set<string>();
  let unversioned = 0;
  for (const entry of entries) {
    if (!entry.includes(",")) {
      unversioned += 1;
      continue;
    }
    const [version, digest] = entry.split(",");
    if (version === "v1") v1.push(digest);
    else otherVersions.add(version);
  }
  return {
    v1,
    total: entries.length,
    otherVersions: [...otherVersions],
    unversioned,
    hasSha256Prefix: entries.some((entry) => entry.toLowerCase().startsWith("sha256=")),
  };
}

/** A one-line pointer at the most likely cause of a signature mismatch. */
export function signatureHint(entries: SignatureEntries): string {
  if (entries.hasSha256Prefix) {
    return (
      "The header holds 'sha256=<hex>', a scheme Resend never sends. " +
      "Resend signs through Svix: 'v1,<base64 HMAC-SHA256 of svix-id.svix-timestamp.body>'."
    );
  }
  if (entries.v1.length === 0) {
    return "Expected space-separated 'v1,<base64>' entries; none of the entries has the 'v1,' form.";
  }
  return (
    "Check that the secret is this endpoint's whsec_ signing secret (it may have been rotated) and that the " +
    "body is the raw request text, not re-serialised JSON."
  );
}
