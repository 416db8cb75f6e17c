import { describe, expect, it } from "vitest";
import { loyaltyStage } from "./loyalty";

const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const nps = (score: number, d = 10) => ({ metric: "nps" as const, score, at: daysAgo(d) });
const csat = (score: number, d = 10) => ({ metric: "csat" as const, score, at: daysAgo(d) });

describe("loyaltyStage", () => {
  it("climbs satisfied → loyal → advocate with score and activity", () => {
    expect(loyaltyStage({ latest: nps(8), touches180d: 1, now })).toBe("satisfied");
    expect(loyaltyStage({ latest: nps(8), touches180d: 3, now })).toBe("loyal");
    expect(loyaltyStage({ latest: nps(10), touches180d: 2, now })).toBe("loyal");
    expect(loyaltyStage({ latest: nps(9), touches180d: 3, now })).toBe("advocate");
  });

  it("uses CSAT when that is the most recent answer", () => {
    expect(loyaltyStage({ latest: csat(4), touches180d: 0, now })).toBe("satisfied");
    expect(loyaltyStage({ latest: csat(5), touches180d: 5, now })).toBe("loyal");
    expect(loyaltyStage({ latest: csat(3), touches180d: 5, now })).toBe("neutral");
  });

  it("flags detractors and dissatisfied customers as at risk whatever their activity", () => {
    expect(loyaltyStage({ latest: nps(6), touches180d: 10, now })).toBe("at_risk");
    expect(loyaltyStage({ latest: csat(2), touches180d: 10, now })).toBe("at_risk");
  });

  it("is unknown without a score in the last 12 months", () => {
    expect(loyaltyStage({ latest: null, touches180d: 9, now })).toBe("unknown");
    expect(loyaltyStage({ latest: nps(10, 366), touches180d: 9, now })).toBe("unknown");
    expect(loyaltyStage({ latest: nps(10, 364), touches180d: 9, now })).toBe("advocate");
  });
});
