// The digest's choice of "biggest significant changes", pinned to worked examples
// (docs/metrics.md, "Weekly digest: significant changes").
import { describe, expect, it } from "vitest";
import { metricsOf, emptyDistributions, type Distributions } from "../analytics/series";
import { selectChanges, type PlaceMetrics } from "./select";

/** n NPS answers: P promoters (10), D detractors (0), the rest passives (8). */
const nps = (n: number, P: number, D: number) => [
  { score: 10, count: P },
  { score: 0, count: D },
  { score: 8, count: n - P - D },
];
/** n CSAT answers, `satisfied` of them 5, the rest 2. */
const csat = (n: number, satisfied: number) => [
  { score: 5, count: satisfied },
  { score: 2, count: n - satisfied },
];
const dist = (d: Partial<Distributions>): Distributions => ({ ...emptyDistributions(), ...d });

function place(
  name: string,
  previous: Partial<Distributions>,
  current: Partial<Distributions>,
  scope: "touchpoint" | "journey" = "touchpoint",
): PlaceMetrics {
  return {
    scope,
    id: `id-${name}`,
    name,
    journeyName: scope === "touchpoint" ? "Support" : null,
    previous: metricsOf(dist(previous)),
    current: metricsOf(dist(current)),
  };
}

describe("selectChanges", () => {
  it("keeps a significant NPS rise: 30 → 50 with n = 200 each (|Δ| 20 > 1.96·√(30.5 + 22.5) = 14.27)", () => {
    const s = selectChanges([place("Call", { nps: nps(200, 100, 40) }, { nps: nps(200, 120, 20) })]);
    expect(s.changes).toHaveLength(1);
    const c = s.changes[0];
    expect(c).toMatchObject({ metric: "nps", previous: 30, current: 50, nPrevious: 200, nCurrent: 200 });
    expect(c.delta).toBeCloseTo(20, 10);
    expect(c.weight).toBeCloseTo(0.1, 10); // 20 of NPS's 200-point range
    expect(s).toMatchObject({ significant: 1, tested: 1, tooFew: 0 });
  });

  it("leaves out a change inside the noise: NPS 30 → 35 with n = 200 each is tested but not listed", () => {
    const s = selectChanges([place("Call", { nps: nps(200, 100, 40) }, { nps: nps(200, 110, 40) })]);
    expect(s).toMatchObject({ changes: [], significant: 0, tested: 1, tooFew: 0 });
  });

  it("ranks by |Δ| as a share of the scale: CSAT +20 points (0.20) before NPS +20 points (0.10) before CES +0.5 (0.083)", () => {
    const s = selectChanges([
      place("Call", { nps: nps(200, 100, 40) }, { nps: nps(200, 120, 20) }),
      place("Chat", { csat: csat(100, 60) }, { csat: csat(100, 80) }),
      // CES mean 4.0 → 4.5 (sd ≈ 1.0, n = 100 each): Welch t ≈ 3.5, significant; 0.5 of the 6-point range
      place(
        "Shop",
        {
          ces: [
            { score: 3, count: 50 },
            { score: 5, count: 50 },
          ],
        },
        {
          ces: [
            { score: 3, count: 25 },
            { score: 5, count: 75 },
          ],
        },
      ),
    ]);
    expect(s.changes.map((c) => `${c.name}:${c.metric}`)).toEqual(["Chat:csat", "Call:nps", "Shop:ces"]);
    expect(s.changes[0].delta).toBeCloseTo(20, 10);
    expect(s.changes[2].delta).toBeCloseTo(0.5, 10);
    expect(s.changes[2].weight).toBeCloseTo(0.5 / 6, 10);
  });

  it("lists falls too, by their size: CSAT 80 % → 60 % is a change of −20 points", () => {
    const s = selectChanges([place("Chat", { csat: csat(100, 80) }, { csat: csat(100, 60) })]);
    expect(s.changes[0].delta).toBeCloseTo(-20, 10);
    expect(s.changes[0].weight).toBeCloseTo(0.2, 10);
  });

  it("tests from n = 30 exactly, and counts n = 29 on either side as too few responses (never ranked)", () => {
    const s = selectChanges([
      // CSAT 20 % → 90 % with n = 30 each: z ≈ 5.4, significant
      place("Thirty", { csat: csat(30, 6) }, { csat: csat(30, 27) }),
      // the same change with 29 answers in the new week: not tested at all
      place("TwentyNine", { csat: csat(30, 6) }, { csat: csat(29, 26) }),
      place("TwentyNineBefore", { csat: csat(29, 6) }, { csat: csat(30, 27) }),
    ]);
    expect(s.changes.map((c) => c.name)).toEqual(["Thirty"]);
    expect(s).toMatchObject({ significant: 1, tested: 1, tooFew: 2 });
  });

  it("counts a figure with responses in only one week as too few, and ignores metrics nobody answered", () => {
    const s = selectChanges([place("New", {}, { nps: nps(50, 40, 5) })]);
    expect(s).toMatchObject({ changes: [], significant: 0, tested: 0, tooFew: 1 });
  });

  it("cuts the list at the limit but reports how many were significant; equal sizes go to the larger sample", () => {
    const places = [1, 2, 3, 4, 5, 6].map((i) =>
      place(`T${i}`, { csat: csat(100 * i, 60 * i) }, { csat: csat(100 * i, 80 * i) }),
    );
    const s = selectChanges(places, 5);
    expect(s.significant).toBe(6);
    expect(s.changes).toHaveLength(5);
    expect(s.changes.map((c) => c.name)).toEqual(["T6", "T5", "T4", "T3", "T2"]);
  });
});
