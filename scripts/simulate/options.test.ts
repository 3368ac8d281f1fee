import { describe, expect, it } from "vitest";
import { parseOptions, UsageError } from "./options";

describe("parseOptions", () => {
  it("has the documented defaults", () => {
    expect(parseOptions([])).toMatchObject({
      target: null,
      count: 200,
      rate: 0,
      concurrency: 10,
      providers: ["twilio", "resend"],
      messages: null,
      duplicates: 0,
      outOfOrder: false,
      bad: 0,
      campaign: null,
      days: 7,
      register: true,
      seed: null,
      quiet: false,
      json: false,
    });
  });

  it("reads every option", () => {
    expect(
      parseOptions([
        "--target",
        "http://localhost:3123/",
        "--count",
        "200",
        "--rate",
        "50",
        "--concurrency",
        "4",
        "--provider",
        "resend",
        "--messages",
        "30",
        "--duplicates",
        "0.1",
        "--out-of-order",
        "--bad",
        "0.05",
        "--campaign",
        "spring",
        "--days",
        "3",
        "--no-register",
        "--seed",
        "abc",
        "--quiet",
        "--json",
      ]),
    ).toEqual({
      help: false,
      target: "http://localhost:3123",
      count: 200,
      rate: 50,
      concurrency: 4,
      providers: ["resend"],
      messages: 30,
      duplicates: 0.1,
      outOfOrder: true,
      bad: 0.05,
      campaign: "spring",
      days: 3,
      register: false,
      seed: "abc",
      quiet: true,
      json: true,
    });
  });

  it("refuses what it cannot use, naming the option", () => {
    for (const [args, message] of [
      [["--count", "0"], /--count/],
      [["--duplicates", "1.5"], /--duplicates/],
      [["--provider", "sendgrid"], /--provider/],
      [["--target", "localhost:3000"], /--target/],
      [["--nope"], /nope/],
      [["--rate", "-1"], /--rate/],
    ] as const) {
      expect(() => parseOptions([...args])).toThrow(UsageError);
      expect(() => parseOptions([...args])).toThrow(message);
    }
  });
});
