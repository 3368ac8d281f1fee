import { describe, expect, it } from "vitest";
import { buildPublicUrl } from "./public-url";

describe("buildPublicUrl", () => {
  it("joins base and path with exactly one slash", () => {
    const expected = "https://hooks.example.com/webhooks/twilio";
    expect(buildPublicUrl("https://hooks.example.com", "/webhooks/twilio", "")).toBe(expected);
    expect(buildPublicUrl("https://hooks.example.com/", "/webhooks/twilio", "")).toBe(expected);
    expect(buildPublicUrl("https://hooks.example.com//", "webhooks/twilio", "")).toBe(expected);
  });

  it("keeps a path prefix, a port and a trailing slash on the path", () => {
    expect(buildPublicUrl("https://example.com:8443/app/", "/webhooks/twilio/", "")).toBe(
      "https://example.com:8443/app/webhooks/twilio/",
    );
  });

  it("keeps the raw query exactly as received, with or without its '?'", () => {
    const query = "message_id=m%2F1&name=O'Brien&b=2&a=1+2";
    const expected = `https://h.example/webhooks/twilio?${query}`;
    expect(buildPublicUrl("https://h.example", "/webhooks/twilio", query)).toBe(expected);
    expect(buildPublicUrl("https://h.example", "/webhooks/twilio", `?${query}`)).toBe(expected);
  });

  it("adds no '?' for an empty query", () => {
    expect(buildPublicUrl("https://h.example", "/p", "?")).toBe("https://h.example/p");
  });

  it("drops fragments and any query inside the configured path", () => {
    expect(buildPublicUrl("https://h.example", "/p?stale=1#rc=3", "x=1#frag")).toBe(
      "https://h.example/p?x=1",
    );
  });
});
