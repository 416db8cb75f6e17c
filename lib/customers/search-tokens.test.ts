import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { headOf, normalizeSearch, searchTokenRows, searchTokens } from "./search-tokens";

describe("searchTokens", () => {
  it("indexes name words, full name, e-mail, its local part and the external id", () => {
    expect(
      searchTokens({ name: "Noah Clark-Evans", email: "Noah.Clark@example.com", externalId: "C-000123" }).sort(),
    ).toEqual(
      ["c-000123", "clark", "evans", "noah", "noah clark-evans", "noah.clark", "noah.clark@example.com"].sort(),
    );
  });

  it("folds case, accents and spacing so what agents type matches", () => {
    expect(searchTokens({ name: "Zoë  Ångström" })).toEqual(
      expect.arrayContaining(["zoe", "angstrom", "zoe angstrom"]),
    );
    expect(normalizeSearch("  ÅNG  Str ")).toBe("ang str");
  });

  it("handles missing fields and one-letter names", () => {
    expect(searchTokens({})).toEqual([]);
    expect(searchTokens({ name: null, email: null, externalId: "X1" })).toEqual(["x1"]);
    expect(searchTokens({ name: "J" })).toEqual(["j"]);
  });

  it("each token's head is its first two characters", () => {
    expect(searchTokenRows("o", "c", { name: "Ada Lovelace" })).toEqual(
      expect.arrayContaining([
        { orgId: "o", customerId: "c", head: "ad", token: "ada" },
        { orgId: "o", customerId: "c", head: "lo", token: "lovelace" },
      ]),
    );
  });

  it("every prefix of two or more characters of a token selects its row: same head, and a prefix of the token", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 30 }), (name, cut) => {
        for (const token of searchTokens({ name })) {
          const q = normalizeSearch(Array.from(token).slice(0, cut).join(""));
          if (Array.from(q).length < 2 || q !== Array.from(token).slice(0, cut).join("")) continue;
          expect(headOf(token)).toBe(headOf(q));
          expect(token.startsWith(q)).toBe(true);
        }
      }),
    );
  });
});
