import { describe, expect, it } from "vitest";
import { maskRecipient, maskRecipientsDeep } from "./mask";

describe("maskRecipient", () => {
  it("keeps the country code and the last four digits of a phone number", () => {
    expect(maskRecipient("+14155550100")).toBe("+1•••••0100");
    expect(maskRecipient("+447700900123")).toBe("+44•••••0123");
    expect(maskRecipient("whatsapp:+14155550100")).toBe("whatsapp:+1•••••0100");
  });
  it("keeps the first letter and the domain of an email address", () => {
    expect(maskRecipient("jane@example.com")).toBe("j•••@example.com");
  });
  it("hides short or odd values entirely", () => {
    expect(maskRecipient("123")).toBe("•••••");
    expect(maskRecipient("")).toBeNull();
    expect(maskRecipient(null)).toBeNull();
  });
});

describe("maskRecipientsDeep", () => {
  it("masks recipient fields at any depth, in lists and provider payloads, and leaves the rest", () => {
    const masked = maskRecipientsDeep({
      to: "+14155550100",
      from: "+14155550999",
      items: [{ recipient: "jane@example.com", status: "delivered" }],
      payload: { To: "+14155550100", data: { to: ["ann@example.org"] } },
    });
    expect(masked).toEqual({
      to: "+1•••••0100",
      from: "+14155550999",
      items: [{ recipient: "j•••@example.com", status: "delivered" }],
      payload: { To: "+1•••••0100", data: { to: ["a•••@example.org"] } },
    });
  });
});
