import { describe, expect, it } from "vitest";
import { caseRulesFrom, responseTrigger } from "./rules";

describe("case rules", () => {
  const defaults = caseRulesFrom(null);

  it("defaults: NPS detractor, CSAT ≤ 2, CES ≤ 3, interaction follow-up, due in 48 h", () => {
    expect(defaults).toMatchObject({
      nps: { maxScore: 6 },
      csat: { maxScore: 2 },
      ces: { maxScore: 3 },
      interactionFollowUp: true,
      dueHours: 48,
    });
  });

  it("fires at the threshold and not above it", () => {
    expect(responseTrigger(defaults, { metric: "nps", score: 6 })?.key).toBe("detractor");
    expect(responseTrigger(defaults, { metric: "nps", score: 7 })).toBeNull();
    expect(responseTrigger(defaults, { metric: "csat", score: 2 })?.key).toBe("low-csat");
    expect(responseTrigger(defaults, { metric: "csat", score: 3 })).toBeNull();
    expect(responseTrigger(defaults, { metric: "ces", score: 3 })?.key).toBe("high-effort");
    expect(responseTrigger(defaults, { metric: "ces", score: 4 })).toBeNull();
    expect(responseTrigger(defaults, { metric: "nps", score: null })).toBeNull();
    expect(responseTrigger(defaults, { metric: null, score: 1 })).toBeNull();
  });

  it("follows an organization's own settings, and falls back to the defaults when they are invalid", () => {
    const strict = caseRulesFrom({ caseRules: { nps: { maxScore: 8 }, csat: { enabled: false } } });
    expect(responseTrigger(strict, { metric: "nps", score: 8 })?.key).toBe("detractor");
    expect(responseTrigger(strict, { metric: "csat", score: 1 })).toBeNull();
    expect(caseRulesFrom({ caseRules: { nps: { maxScore: 42 } } })).toEqual(defaults);
  });
});
