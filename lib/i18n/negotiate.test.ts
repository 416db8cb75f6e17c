import { describe, expect, it } from "vitest";
import { pickLocale } from "./negotiate";

describe("pickLocale", () => {
  it("takes the user's saved language over the cookie and the browser", () => {
    expect(pickLocale({ userLocale: "de", cookie: "en", acceptLanguage: "en-GB" })).toBe("de");
    expect(pickLocale({ userLocale: "en", cookie: "de", acceptLanguage: "de-DE" })).toBe("en");
  });

  it("follows the browser when the user chose none: the cookie first, then Accept-Language", () => {
    expect(pickLocale({ userLocale: null, cookie: "de", acceptLanguage: "en" })).toBe("de");
    expect(pickLocale({ userLocale: null, acceptLanguage: "de-AT,de;q=0.9,en;q=0.5" })).toBe("de");
    expect(pickLocale({ acceptLanguage: "fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7" })).toBe("de");
    expect(pickLocale({ acceptLanguage: "en-US,de;q=0.5" })).toBe("en");
  });

  it("falls back to English for unknown or malformed values", () => {
    expect(pickLocale({})).toBe("en");
    expect(pickLocale({ userLocale: "fr", cookie: "xx", acceptLanguage: "fr, es;q=0.5" })).toBe("en");
    expect(pickLocale({ cookie: "DE", acceptLanguage: "de;q=0" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "%%%, <script>" })).toBe("en");
  });
});
