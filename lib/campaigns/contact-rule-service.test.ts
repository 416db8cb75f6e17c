import { describe, expect, it } from "vitest";
import { contactRuleSchema } from "./contact-rule-service";

const rule = (over: Record<string, unknown>) => ({
  capDays: 30,
  quietStartHour: 21,
  quietEndHour: 8,
  timeZone: "Europe/Zurich",
  ...over,
});
const badFields = (input: unknown) => {
  const r = contactRuleSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("the contact rule form", () => {
  it("accepts quiet hours across midnight, none (equal hours) and a cap of 0 (no cap)", () => {
    expect(badFields(rule({}))).toEqual([]);
    expect(badFields(rule({ quietStartHour: 8, quietEndHour: 8 }))).toEqual([]);
    expect(badFields(rule({ capDays: 0 }))).toEqual([]);
  });

  it("refuses quiet hours over the whole day, which would suppress every invitation, naming the field", () => {
    expect(badFields(rule({ quietStartHour: 0, quietEndHour: 24 }))).toEqual(["quietEndHour"]);
  });

  it("reads a blank cap as missing, never as 0 (which would turn the cap off)", () => {
    expect(badFields(rule({ capDays: " " }))).toEqual(["capDays"]);
    expect(badFields(rule({ timeZone: "Mars/Base" }))).toEqual(["timeZone"]);
  });
});
