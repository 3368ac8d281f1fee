import { describe, expect, it } from "vitest";
import { parseForm } from "./form";

describe("parseForm", () => {
  it("decodes a typical status callback", () => {
    expect(parseForm("MessageSid=SM1&MessageStatus=delivered&To=%2B14155550100")).toEqual({
      MessageSid: "SM1",
      MessageStatus: "delivered",
      To: "+14155550100",
    });
  });

  it("keeps repeated keys as an array in the order received", () => {
    expect(parseForm("Tag=b&Other=1&Tag=a&Tag=b")).toEqual({ Tag: ["b", "a", "b"], Other: "1" });
  });

  it("keeps empty values and keys without '='", () => {
    expect(parseForm("Body=&Flag&X=1")).toEqual({ Body: "", Flag: "", X: "1" });
  });

  it("treats '+' as a space and %2B as a plus", () => {
    expect(parseForm("Body=Hello+World&To=%2B1%20555")).toEqual({ Body: "Hello World", To: "+1 555" });
  });

  it("decodes UTF-8 escapes and escaped keys", () => {
    expect(parseForm("Na%C3%AFve%20Key=caf%C3%A9+%E2%9C%93&Name=O%27Brien")).toEqual({
      "Naïve Key": "café ✓",
      Name: "O'Brien",
    });
  });

  it("keeps a malformed percent escape as raw text instead of throwing", () => {
    expect(parseForm("A=100%&B=%G1x&C=%E2%28&D=ok%21+50%")).toEqual({
      A: "100%",
      B: "%G1x",
      C: "%E2%28", // a run of escapes that is not UTF-8 stays raw as a whole
      D: "ok! 50%",
    });
  });

  it("skips empty segments and accepts an empty body", () => {
    expect(parseForm("")).toEqual({});
    expect(parseForm("&A=1&&")).toEqual({ A: "1" });
  });

  it("keeps only the first '=' as the separator", () => {
    expect(parseForm("Expr=a=b")).toEqual({ Expr: "a=b" });
  });

  it("keeps prototype-looking keys as plain data", () => {
    const params = parseForm("__proto__=x&constructor=y");
    expect(Object.keys(params)).toEqual(["__proto__", "constructor"]);
    expect(params.constructor).toBe("y");
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });
});
