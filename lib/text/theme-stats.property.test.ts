// Properties of the theme figures (docs/metrics.md, "Themes") over random splits of a population into the responses
// that mention a theme and the rest, for NPS, CSAT and CES.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Metric } from "../metrics";
import { distributionArb } from "../metrics/test-helpers";
import { metricResult, themeChanges, themeFigures } from "./theme-stats";
import { valueOf } from "../digest/select";

const count = (d: readonly { count: number }[]) => d.reduce((s, e) => s + e.count, 0);

describe.each<Metric>(["nps", "csat", "ces"])("themeFigures — properties (%s)", (metric) => {
  const split = fc.tuple(distributionArb(metric, { maxCount: 80 }), distributionArb(metric, { maxCount: 80 }));

  it("the rest is the population without the mentioners, and contribution = w · Δ with its interval", () => {
    fc.assert(
      fc.property(split, fc.integer({ min: 0, max: 50 }), ([mentioners, rest], extra) => {
        const population = [...mentioners, ...rest];
        const nM = count(mentioners);
        const f = themeFigures(metric, nM + extra + 10, population, {
          theme: "t",
          mentions: nM + extra,
          sentimentSum: 0,
          scores: mentioners,
        });
        expect(f.others.n).toBe(count(rest));
        expect(valueOf(f.others)).toEqual(valueOf(metricResult(metric, rest)));
        if (f.contribution.value !== null && f.difference.delta !== null) {
          const w = nM / count(population);
          expect(f.contribution.value).toBeCloseTo(w * f.difference.delta, 9);
        }
        if (f.difference.low !== null && f.difference.high !== null && f.difference.delta !== null) {
          expect(f.difference.low).toBeLessThanOrEqual(f.difference.delta + 1e-9);
          expect(f.difference.high).toBeGreaterThanOrEqual(f.difference.delta - 1e-9);
          if (f.contribution.low !== null) {
            const w = nM / count(population);
            expect(f.contribution.low).toBeCloseTo(w * f.difference.low, 9);
          }
        }
        if (f.difference.significant) {
          expect(f.enough).toBe(true);
          // The interval of the difference excludes 0 exactly when the test says so (any spread at all).
          if (f.difference.se !== null && f.difference.se > 0)
            expect(f.difference.low! > 0 || f.difference.high! < 0).toBe(true);
        }
      }),
    );
  });
});

describe("themeChanges — properties", () => {
  const period = fc.record({
    comments: fc.integer({ min: 0, max: 400 }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
  });
  const mentions = (p: { comments: number; shares: number[] }) => ({
    comments: p.comments,
    themes: p.shares.map((s, i) => ({ theme: `t${i}`, mentions: Math.floor(s * p.comments) })),
  });

  it("swapping the periods flips Δ and keeps every p-value and verdict; adjusted p ≥ p", () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const ab = themeChanges(mentions(a), mentions(b), 100);
        const ba = new Map(themeChanges(mentions(b), mentions(a), 100).all.map((c) => [c.theme, c]));
        for (const c of ab.all) {
          const r = ba.get(c.theme)!;
          if (c.delta !== null) expect(r.delta).toBeCloseTo(-c.delta, 9);
          expect(r.pValue === null).toBe(c.pValue === null);
          if (c.pValue !== null) expect(r.pValue).toBeCloseTo(c.pValue, 12);
          expect(r.significant).toBe(c.significant);
          if (c.pValue !== null) expect(c.adjustedP).toBeGreaterThanOrEqual(c.pValue - 1e-15);
          if (c.significant) expect(c.reason).toBeNull();
        }
        expect(ab.changes.length).toBe(ab.significant);
      }),
    );
  });
});
