import { describe, expect, it } from "vitest";
import { localizedText, negotiateLocale, normalizeLocale, parseAcceptLanguage } from "./locale";

describe("parseAcceptLanguage", () => {
  it("orders by q, keeps header order for ties, drops q=0, * and garbage", () => {
    expect(parseAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toEqual(["fr-CH", "fr", "en", "de"]);
    expect(parseAcceptLanguage("de;q=0.2, es, en;q=0")).toEqual(["es", "de"]);
    expect(parseAcceptLanguage("en-gb;q=0.5, <script>, de")).toEqual(["de", "en-GB"]);
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });
});

describe("normalizeLocale", () => {
  it("lower-cases the language and upper-cases a region", () => {
    expect(normalizeLocale("DE-ch")).toBe("de-CH");
    expect(normalizeLocale("zh-Hant-TW")).toBe("zh-hant-TW");
    expect(normalizeLocale("e")).toBeNull();
    expect(normalizeLocale("en_US")).toBeNull();
  });
});

describe("negotiateLocale", () => {
  const available = ["en", "de", "fr", "es"];
  it("prefers an explicit choice, then Accept-Language, then the default", () => {
    expect(negotiateLocale({ explicit: "fr", acceptLanguage: "de", available, fallback: "en" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "it, de;q=0.8", available, fallback: "en" })).toBe("de");
    expect(negotiateLocale({ explicit: "it", acceptLanguage: "nl", available, fallback: "en" })).toBe("en");
  });
  it("matches a regional variant to its language and back", () => {
    expect(negotiateLocale({ acceptLanguage: "de-AT", available, fallback: "en" })).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "pt", available: ["en", "pt-BR"], fallback: "en" })).toBe("pt-BR");
    expect(negotiateLocale({ acceptLanguage: "pt-BR", available: ["pt-PT", "pt-BR"], fallback: "pt-PT" })).toBe(
      "pt-BR",
    );
  });
});

describe("localizedText", () => {
  const text = { en: "How likely…", de: "Wie wahrscheinlich…" };
  it("picks the locale, then the fallback, then any text", () => {
    expect(localizedText(text, "de", "en")).toBe("Wie wahrscheinlich…");
    expect(localizedText(text, "de-CH", "en")).toBe("Wie wahrscheinlich…");
    expect(localizedText(text, "fr", "en")).toBe("How likely…");
    expect(localizedText({ es: "¿Qué…?" }, "fr", "en")).toBe("¿Qué…?");
    expect(localizedText("Plain", "fr", "en")).toBe("Plain");
    expect(localizedText(null, "fr", "en")).toBe("");
    expect(localizedText({ en: 3 }, "en", "en")).toBe("");
  });
});
