import { describe, expect, it } from "vitest";
import { classifyQuery } from "./classify-query";

describe("classifyQuery", () => {
  it("recognises an email address whatever its case, also in a mail client's spelling", () => {
    expect(classifyQuery("  Ada.Lovelace@Example.COM ", "US")).toEqual({
      kind: "email",
      email: "ada.lovelace@example.com",
    });
    expect(classifyQuery("Ada <ADA@example.com>", "US")).toEqual({ kind: "email", email: "ada@example.com" });
  });

  it("recognises a phone number in any common spelling, in the default country", () => {
    for (const q of ["+1 415-555-0100", "(415) 555-0100", "4155550100"])
      expect(classifyQuery(q, "US"), q).toEqual({ kind: "phone", e164: "+14155550100", extension: null });
    expect(classifyQuery("020 7946 0958", "GB")).toMatchObject({ kind: "phone", e164: "+442079460958" });
  });

  it("takes a UUID as our id (lower-cased), also searched as a Resend id", () => {
    expect(classifyQuery("550E8400-E29B-41D4-A716-446655440000", "US")).toEqual({
      kind: "id",
      id: "550e8400-e29b-41d4-a716-446655440000",
    });
  });

  it("takes a Twilio SID in its canonical spelling, and anything else as a provider id", () => {
    expect(classifyQuery("sm0123456789ABCDEF0123456789abcdef", "US")).toEqual({
      kind: "providerId",
      externalId: "SM0123456789abcdef0123456789abcdef",
    });
    expect(classifyQuery("msg_abc123", "US")).toEqual({ kind: "providerId", externalId: "msg_abc123" });
    expect(classifyQuery("1-800-FLOWERS", "US")).toEqual({ kind: "providerId", externalId: "1-800-FLOWERS" });
  });

  it("ignores an empty query", () => {
    expect(classifyQuery("   ", "US")).toBeNull();
  });
});
