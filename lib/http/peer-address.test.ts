import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, sourceAddress } from "./peer-address";

const headers = (forwarded: string | null, peer: string | null) => {
  const h = new Headers();
  if (forwarded !== null) h.set("x-forwarded-for", forwarded);
  if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
  return h;
};

describe("sourceAddress", () => {
  it("is the socket's peer with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(sourceAddress(headers("6.6.6.6", "203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(sourceAddress(headers("6.6.6.6", null), 0)).toBeNull();
  });

  it("is the address n hops from the right behind n trusted proxies", () => {
    const chain = headers("6.6.6.6, 198.51.100.7, 10.0.0.1", "10.0.0.2");
    expect(sourceAddress(chain, 1)).toBe("10.0.0.1");
    expect(sourceAddress(chain, 2)).toBe("198.51.100.7");
    expect(sourceAddress(chain, 3)).toBe("6.6.6.6");
  });

  it("takes the leftmost entry when the chain is shorter than the trusted hops", () => {
    expect(sourceAddress(headers("198.51.100.7", "10.0.0.2"), 5)).toBe("198.51.100.7");
    expect(sourceAddress(headers(null, "10.0.0.2"), 2)).toBe("10.0.0.2");
  });

  it("stores IPv4 seen on an IPv6 socket as plain IPv4", () => {
    expect(sourceAddress(headers(null, "::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(sourceAddress(headers(null, "::1"), 0)).toBe("::1");
  });
});
