// Loop closure, pinned by the worked example in lib/cases/loop-closure.ts: n counts detractor responses, and
// one counts as acted on when its case was worked or resolved, or its customer was contacted, within 48 h.
import { describe, expect, it } from "vitest";
import { actedOnWithin48h, loopClosureOf, type DetractorResponse } from "./loop-closure";

const monday9 = new Date("2026-11-02T09:00:00.000Z");
const at = (hours: number) => new Date(monday9.getTime() + hours * 3_600_000);

describe("loop closure", () => {
  it("worked example: 4 detractors, A resolved in 20 h, B worked on day 3, C phoned in 47 h, D anonymous → 2 of 4", () => {
    const responses: DetractorResponse[] = [
      { id: "A", customerId: "cA", submittedAt: monday9 },
      { id: "B", customerId: "cB", submittedAt: monday9 },
      { id: "C", customerId: "cC", submittedAt: monday9 },
      { id: "D", customerId: null, submittedAt: monday9 },
    ];
    const acted = actedOnWithin48h(responses, {
      cases: [
        { id: "case-A", responseId: "A", resolvedAt: at(20) },
        { id: "case-B", responseId: "B", resolvedAt: null },
      ],
      caseWork: [{ caseId: "case-B", at: at(50) }],
      touches: [{ customerId: "cC", at: at(47) }],
    });
    expect([...acted].sort()).toEqual(["A", "C"]);
    const figure = loopClosureOf(responses.length, acted.size);
    expect(figure).toMatchObject({ n: 4, actedOn: 2, rate: 50, enough: false });
    // Wilson 95 % interval for 2 of 4: 15.0 % to 85.0 %
    expect(figure.low!).toBeCloseTo(15.0, 1);
    expect(figure.high!).toBeCloseTo(85.0, 1);
  });

  it("48 h is inclusive; before the response or after 48 h does not count; another response's case does not count", () => {
    const r: DetractorResponse = { id: "R", customerId: "c", submittedAt: monday9 };
    const only = (e: Partial<Parameters<typeof actedOnWithin48h>[1]>) =>
      actedOnWithin48h([r], { cases: [], caseWork: [], touches: [], ...e }).size;
    expect(only({ touches: [{ customerId: "c", at: at(48) }] })).toBe(1);
    expect(only({ touches: [{ customerId: "c", at: at(48.01) }] })).toBe(0);
    expect(only({ touches: [{ customerId: "c", at: at(-1) }] })).toBe(0);
    expect(only({ touches: [{ customerId: "someone else", at: at(1) }] })).toBe(0);
    expect(only({ cases: [{ id: "k", responseId: "other", resolvedAt: at(1) }] })).toBe(0);
    expect(only({ cases: [{ id: "k", responseId: "R", resolvedAt: at(49) }] })).toBe(0);
    expect(
      only({ cases: [{ id: "k", responseId: "R", resolvedAt: null }], caseWork: [{ caseId: "k", at: at(2) }] }),
    ).toBe(1);
  });

  it("no detractors: no rate", () => {
    expect(loopClosureOf(0, 0)).toMatchObject({ n: 0, rate: null, low: null, high: null, enough: false });
  });
});
