import { describe, expect, it } from "vitest";
import { normalizeOrigin, parseSurveySettings, publicResponseLimits, PUBLIC_RESPONSE_LIMITS } from "./settings";

describe("normalizeOrigin", () => {
  it("keeps scheme, host and port of an http(s) origin", () => {
    expect(normalizeOrigin("https://Shop.Example.com/")).toBe("https://shop.example.com");
    expect(normalizeOrigin("http://localhost:8080")).toBe("http://localhost:8080");
    expect(normalizeOrigin("https://example.com:443")).toBe("https://example.com");
  });
  it("refuses wildcards, paths, credentials and other schemes", () => {
    for (const bad of [
      "*",
      "null",
      "https://example.com/page",
      "https://u:p@example.com",
      "ftp://example.com",
      "example.com",
      "https://example.com?x=1",
    ]) {
      expect(normalizeOrigin(bad)).toBeNull();
    }
  });
});

describe("parseSurveySettings", () => {
  it("defaults to same-origin only and the standard limits", () => {
    for (const json of [null, undefined, {}, "x", [], { allowedOrigins: "https://a.example" }]) {
      expect(parseSurveySettings(json)).toEqual({ allowedOrigins: [], rateLimit: { ...PUBLIC_RESPONSE_LIMITS } });
    }
  });
  it("normalizes and de-duplicates origins, dropping invalid ones", () => {
    const s = parseSurveySettings({
      allowedOrigins: ["https://A.example", "https://a.example/", "*", "https://b.example:8443"],
      widget: { delay: 5 },
    });
    expect(s.allowedOrigins).toEqual(["https://a.example", "https://b.example:8443"]);
  });
  it("lets a survey lower the limits, never raise them", () => {
    expect(parseSurveySettings({ rateLimit: { perClientPerMinute: 3 } }).rateLimit).toEqual({
      perClientPerMinute: 3,
      perSurveyPerMinute: PUBLIC_RESPONSE_LIMITS.perSurveyPerMinute,
    });
    expect(parseSurveySettings({ rateLimit: { perClientPerMinute: 1e6, perSurveyPerMinute: 5 } }).rateLimit).toEqual({
      perClientPerMinute: PUBLIC_RESPONSE_LIMITS.perClientPerMinute,
      perSurveyPerMinute: 5,
    });
  });
});

describe("publicResponseLimits (RESONANCE_PUBLIC_RATE_LIMITS)", () => {
  it("keeps the built-in limits when unset or not understood", () => {
    for (const v of [undefined, "", "yes", "10", "0,5", "1,2,3", "-1,5", "1e9,1"])
      expect(publicResponseLimits(v)).toEqual({ ...PUBLIC_RESPONSE_LIMITS });
  });
  it("takes two numbers or off", () => {
    expect(publicResponseLimits(" 100000, 2000000 ")).toEqual({
      perClientPerMinute: 100000,
      perSurveyPerMinute: 2000000,
    });
    expect(publicResponseLimits("OFF")).toEqual({ perClientPerMinute: Infinity, perSurveyPerMinute: Infinity });
  });
});
