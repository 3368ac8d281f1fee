import { describe, expect, it } from "vitest";
import { formatRecipient } from "./format-phone";

describe("formatRecipient", () => {
  it("spaces out E.164 numbers the international way, naming WhatsApp and RCS", () => {
    expect(formatRecipient("+14155550100")).toBe("+1 415 555 0100");
    expect(formatRecipient("+442079460958")).toBe("+44 20 7946 0958");
    expect(formatRecipient("whatsapp:+33612345678")).toBe("WhatsApp +33 6 12 34 56 78");
  });

  it("leaves emails, masked values and anything unreadable alone", () => {
    expect(formatRecipient("ada@example.com")).toBe("ada@example.com");
    expect(formatRecipient("+1•••••0100")).toBe("+1•••••0100");
    expect(formatRecipient("not a number")).toBe("not a number");
  });
});
