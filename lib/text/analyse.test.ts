import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyse, compileTaxonomy, textLanguage, type Analysis } from "./analyse";

const label = (text: string, language: string) => analyse(text, language).label;
const themesOf = (a: Analysis) => a.themes.map((t) => t.theme);

describe('analyse — languages (docs/text-analytics.md, "Languages")', () => {
  it("analyses English and German with or without a region, and nothing else", () => {
    expect(textLanguage("en")).toBe("en");
    expect(textLanguage("en-GB")).toBe("en");
    expect(textLanguage("DE_at")).toBe("de");
    for (const other of ["fr", "es", "nl", "", null, undefined, "english", "deu"])
      expect(textLanguage(other)).toBeNull();
  });

  it("marks other languages unsupported instead of guessing", () => {
    expect(analyse("Service terrible, attente interminable.", "fr")).toEqual({
      language: null,
      sentiment: null,
      label: "unsupported",
      themes: [],
    });
    expect(analyse("Terrible service.", null).label).toBe("unsupported");
  });
});

describe('analyse — negation (docs/text-analytics.md, "Sentiment")', () => {
  it.each([
    ["Not bad at all.", "positive"],
    ["Not good.", "negative"],
    ["The staff were not unfriendly.", "positive"],
    ["No problems at all.", "positive"],
    ["I can't complain.", "positive"],
    ["Never had a problem.", "positive"],
    ["Couldn't be happier.", "positive"],
    ["Couldn't be more cumbersome.", "negative"],
    ["It doesn't work.", "negative"],
    ["The app is not easy to use.", "negative"],
    ["Not helpful at all.", "negative"],
  ])("English: %s → %s", (text, expected) => {
    expect(label(text, "en")).toBe(expected);
  });

  it.each([
    ["Gar nicht schlecht.", "positive"],
    ["Nicht gut.", "negative"],
    ["Die Mitarbeiterin war nicht unfreundlich.", "positive"],
    ["Kein Problem.", "positive"],
    ["Nie Probleme gehabt.", "positive"],
    ["Nicht zufrieden.", "negative"],
    ["Ich kann mich nicht beschweren.", "positive"],
    // German puts "nicht" after the verb.
    ["Das gefällt mir nicht.", "negative"],
    ["Es funktioniert einfach nicht.", "negative"],
    ["Das WLAN geht immer noch nicht.", "negative"],
    // A negated comparative before "geht" is a superlative.
    ["Umständlicher geht es kaum.", "negative"],
    ["Die App ist nicht einfach zu bedienen.", "negative"],
  ])("German: %s → %s", (text, expected) => {
    expect(label(text, "de")).toBe(expected);
  });

  it("negation flips and weakens: 'not bad' is less positive than 'good'", () => {
    const notBad = analyse("Not bad.", "en").sentiment ?? 0;
    const good = analyse("Good.", "en").sentiment ?? 0;
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(good);
  });

  it("after 'but' the second half carries the comment", () => {
    expect(label("Great, but the wait was awful.", "en")).toBe("negative");
    expect(label("The wait was awful, but the staff were great.", "en")).toBe("positive");
    expect(label("Die Beratung war gut, aber die Wartezeit war furchtbar.", "de")).toBe("negative");
  });

  it("a comment without opinion is neutral", () => {
    expect(analyse("Meter reading submitted.", "en")).toMatchObject({ sentiment: 0, label: "neutral" });
    expect(analyse("Zählerstand übermittelt.", "de")).toMatchObject({ sentiment: 0, label: "neutral" });
  });
});

describe('analyse — themes on stems (docs/text-analytics.md, "Themes")', () => {
  it("finds a theme from any inflection of its phrase, with the matched spans", () => {
    const text = "You charged me twice and the charges are still on my bills.";
    const a = analyse(text, "en");
    const billing = a.themes.find((t) => t.theme === "billing");
    expect(billing?.spans.map((s) => text.slice(s.start, s.end))).toEqual(["charged", "charges", "bills"]);
  });

  it("finds German compounds: Gebühren, Kontoführungsgebühren, Stromrechnung, Warteschleifenmusik", () => {
    const text = "Gebühren, Kontoführungsgebühren, die Stromrechnung und die Warteschleifenmusik.";
    const a = analyse(text, "de");
    expect(themesOf(a)).toEqual(["billing", "waiting-time"]);
    const spans = a.themes.flatMap((t) => t.spans.map((s) => text.slice(s.start, s.end)));
    expect(spans).toEqual(["Gebühren", "Kontoführungsgebühren", "Stromrechnung", "Warteschleifenmusik"]);
  });

  it("multi-word phrases match as a whole, and do not match in pieces", () => {
    expect(themesOf(analyse("I was on hold for an hour.", "en"))).toContain("waiting-time");
    expect(themesOf(analyse("Hold on, the app is fine.", "en"))).not.toContain("waiting-time");
  });

  it("uses an organization's own taxonomy when given one", () => {
    const taxonomy = compileTaxonomy([
      { id: "parking", label: "Parking", phrases: { en: ["car park", "parking"], de: ["*parkplatz*"] } },
    ]);
    expect(themesOf(analyse("The car park was full, no parking anywhere.", "en", taxonomy))).toEqual(["parking"]);
    expect(themesOf(analyse("Keine Kundenparkplätze.", "de", taxonomy))).toEqual(["parking"]);
    expect(themesOf(analyse("The bill was wrong.", "en", taxonomy))).toEqual([]);
  });
});

describe("analyse — properties", () => {
  it("never throws, keeps the score in [-1, 1] and spans inside the text, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom("en", "de"), (text, language) => {
        const a = analyse(text, language);
        expect(a.sentiment).toBeGreaterThanOrEqual(-1);
        expect(a.sentiment).toBeLessThanOrEqual(1);
        for (const t of a.themes) {
          for (const s of t.spans) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(text.length);
            expect(s.start).toBeLessThan(s.end);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  // Its time is the benchmark's (bench/text-analytics.ts prints the CPU time of these inputs), never a unit test's.
  it("a 100,000-character hostile comment gets a finite score within [-1, 1]", () => {
    const hostile = [
      "gut ".repeat(12_500) + "nicht ".repeat(12_500),
      "not bad but ".repeat(8_000),
      "aber schlecht obwohl ".repeat(5_000),
    ];
    for (const text of hostile) {
      const a = analyse(text, text.startsWith("not") ? "en" : "de");
      expect(Number.isFinite(a.sentiment)).toBe(true);
      expect(Math.abs(a.sentiment ?? 2)).toBeLessThanOrEqual(1);
    }
  });

  it("is deterministic: the same text gives the same analysis", () => {
    const text = "Die Techniker kamen pünktlich, aber die Rechnung war falsch.";
    expect(analyse(text, "de")).toEqual(analyse(text, "de"));
  });
});
