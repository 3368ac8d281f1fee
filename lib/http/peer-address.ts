// Where a request came from, for throttling and grouping rejected requests (never to trust a request).
// The chain of addresses is the X-Forwarded-For entries followed by the socket's peer; every proxy appends
// the address it received the request from, so only the rightmost entries, written by our own proxies,
// can be believed: the client writes whatever it likes to the left of them.

/** Set by the HTTP guard (lib/http/guard.ts) from the socket, replacing anything a client sent. */
export const PEER_ADDRESS_HEADER = "x-signalboard-peer-address";

/**
 * The source address: with `trustedHops` = 0 the socket's peer itself; with n, the address n hops from the
 * right of the chain (1 = what the one proxy in front of Signalboard saw). Null when nothing is known.
 */
export function sourceAddress(headers: Headers, trustedHops: number): string | null {
  const chain = trustedHops > 0 ? splitForwarded(headers.get("x-forwarded-for")) : [];
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (peer) chain.push(peer);
  if (!chain.length) return null;
  // A chain shorter than the trusted hops came through fewer proxies than configured: its leftmost entry
  // is then the best that is known.
  return normalize(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

function splitForwarded(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** IPv4 addresses seen on an IPv6 socket ("::ffff:10.0.0.1") are stored as plain IPv4. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).slice(0, 64);
}
