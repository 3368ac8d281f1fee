import { describe, expect, it } from "vitest";
import { countryOfNumber, isCountryCode, parsePhone } from "./parse-phone";

const e164 = (input: string, country: Parameters<typeof parsePhone>[1]) => parsePhone(input, country)?.e164;

describe("parsePhone", () => {
  it("reads every common US spelling as one E.164 number", () => {
    for (const spelling of [
      "+1 415-555-0100",
      "(415) 555-0100",
      "4155550100",
      "415.555.0100",
      "1 415 555 0100",
      "+14155550100",
      "tel:+14155550100",
      "whatsapp:+14155550100",
    ])
      expect(e164(spelling, "US"), spelling).toBe("+14155550100");
  });

  it("reads national numbers in the default country", () => {
    expect(e164("020 7946 0958", "GB")).toBe("+442079460958");
    expect(e164("06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(e164("030 12345678", "DE")).toBe("+493012345678");
    expect(e164("020 123 4567", "NL")).toBe("+31201234567");
    expect(e164("91234 56789", "IN")).toBe("+919123456789");
  });

  it("reads international numbers whatever the default country", () => {
    expect(e164("+44 20 7946 0958", "US")).toBe("+442079460958");
    expect(e164("+33 6 12 34 56 78", "US")).toBe("+33612345678");
    expect(e164("011 44 20 7946 0958", "US")).toBe("+442079460958");
    expect(e164("00 44 20 7946 0958", "FR")).toBe("+442079460958");
    expect(e164("+1 415 555 0100", "GB")).toBe("+14155550100");
  });

  it("separates an extension from the number", () => {
    for (const [spelling, ext] of [
      ["415.555.0100 ext. 12", "12"],
      ["+1 415 555 0100 x123", "123"],
      ["(415) 555-0100 extension 7", "7"],
      ["4155550100#7", "7"],
      ["+14155550100;ext=9", "9"],
    ]) {
      expect(parsePhone(spelling, "US"), spelling).toEqual({
        e164: "+14155550100",
        extension: ext,
        country: "US",
      });
    }
  });

  it("does not take a national number that is invalid in the default country", () => {
    // A French mobile typed without +33 while the default is the US: not a US number.
    expect(parsePhone("0612345678", "US")).toBeNull();
    // A US number typed without +1 while the default is the UK.
    expect(parsePhone("4155550100", "GB")).toBeNull();
  });

  it("says garbage is not a phone number", () => {
    for (const garbage of [
      "",
      "   ",
      "hello",
      "12",
      "123456",
      "1-800-FLOWERS",
      "2026-11-29",
      "SM0123456789abcdef0123456789abcdef",
      "550e8400-e29b-41d4-a716-446655440000",
      "ada@example.com",
      "+1 415 555 0100 and more",
      "+999 123 456 789",
      "1".repeat(25),
    ])
      expect(parsePhone(garbage, "US"), JSON.stringify(garbage)).toBeNull();
  });
});

describe("countryOfNumber and isCountryCode", () => {
  it("derives the country of an E.164 number", () => {
    expect(countryOfNumber("+14155550100")).toBe("US");
    expect(countryOfNumber("+442079460958")).toBe("GB");
    expect(countryOfNumber("whatsapp:+33612345678")).toBe("FR");
    expect(countryOfNumber("not a number")).toBeNull();
    expect(countryOfNumber(undefined)).toBeNull();
  });

  it("accepts ISO country codes only", () => {
    expect(isCountryCode("US")).toBe(true);
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("us")).toBe(false);
    expect(isCountryCode("XX")).toBe(false);
    expect(isCountryCode("USA")).toBe(false);
  });
});
