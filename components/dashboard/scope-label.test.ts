import { describe, expect, it } from "vitest";
import type { AnalyticsFilters } from "@/lib/analytics/filters";
import { scopeLabel } from "./scope-label";

const options = {
  journeys: [{ id: "j1", name: "Support" }],
  stages: [{ id: "s1", name: "Resolve" }],
  touchpoints: [{ id: "t1", name: "Phone support call" }],
  channels: [{ id: "c1", name: "Phone" }],
  surveys: [{ id: "v1", name: "Relationship NPS" }],
};
const f = (x: Partial<AnalyticsFilters>) => x as AnalyticsFilters;

describe("scopeLabel", () => {
  it("names every scope filter in the filter bar's order", () => {
    expect(scopeLabel(f({ journeyId: "j1", channelId: "c1", segment: "vip" }), options)).toBe(
      "journey Support · channel Phone · segment vip",
    );
    expect(scopeLabel(f({ stageId: "s1", touchpointId: "t1", surveyId: "v1" }), options)).toBe(
      "stage Resolve · touchpoint Phone support call · survey Relationship NPS",
    );
  });
  it("names the unit filter last", () => {
    const withUnits = { ...options, units: { units: [{ id: "u1", name: "North" }] } };
    expect(scopeLabel(f({ segment: "vip", unitId: "u1" }), withUnits)).toBe("segment vip · unit North");
  });
  it("says nothing without filters, and still says a filter applies when its target is gone", () => {
    expect(scopeLabel(f({}), options)).toBe("");
    expect(scopeLabel(f({ channelId: "gone" }), options)).toBe("channel (archived)");
  });
});
