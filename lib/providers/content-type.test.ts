import { describe, expect, it } from "vitest";
import { isFormContentType, isJsonContentType } from "./content-type";
import { PROVIDER_ADAPTERS } from "./registry";
import { PROVIDERS } from "./types";

describe("content types", () => {
  it("recognises JSON and structured +json types, with or without parameters", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/cloudevents+json")).toBe(true);
    expect(isJsonContentType("application/jsonp")).toBe(false);
    expect(isJsonContentType("text/json")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });

  it("recognises form encoding", () => {
    expect(isFormContentType("application/x-www-form-urlencoded; charset=utf-8")).toBe(true);
    expect(isFormContentType("multipart/form-data")).toBe(false);
    expect(isFormContentType(undefined)).toBe(false);
  });
});

describe("provider registry", () => {
  it("has one adapter per provider, each serving its own provider", () => {
    expect(Object.keys(PROVIDER_ADAPTERS).sort()).toEqual([...PROVIDERS].sort());
    for (const provider of PROVIDERS) expect(PROVIDER_ADAPTERS[provider].provider).toBe(provider);
  });
});
