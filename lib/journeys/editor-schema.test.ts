import { describe, expect, it } from "vitest";
import { stageUpdateSchema, touchpointCreateSchema, touchpointUpdateSchema } from "./editor-schema";

const fieldsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join("."));

describe("touchpoint promise fields", () => {
  const base = { stageId: "st1", name: "Welcome call", kind: "human" };
  it("accepts the promise at the edges of each scale", () => {
    for (const t of [
      { targetCsat: 1, targetCes: 1, targetNps: -100 },
      { targetCsat: 5, targetCes: 7, targetNps: 100 },
      { targetCsat: 4.5, targetCes: null, targetNps: null },
    ])
      expect(touchpointCreateSchema.safeParse({ ...base, ...t, servqualDimension: "empathy" }).success).toBe(true);
  });
  it("names every field outside its scale", () => {
    const r = touchpointCreateSchema.safeParse({
      ...base,
      kind: "telepathic",
      targetCsat: 5.5,
      targetCes: 0,
      targetNps: -101,
      servqualDimension: "speed",
    });
    expect(fieldsOf(r).sort()).toEqual(["kind", "servqualDimension", "targetCes", "targetCsat", "targetNps"]);
  });
  it("requires a name and a stage", () => {
    expect(fieldsOf(touchpointCreateSchema.safeParse({ kind: "digital", name: "  " })).sort()).toEqual([
      "name",
      "stageId",
    ]);
  });
  it("stores an emptied promise as null", () => {
    const r = touchpointUpdateSchema.parse({ promise: "   " });
    expect(r.promise).toBeNull();
  });
  it("refuses an empty update and a negative position", () => {
    expect(touchpointUpdateSchema.safeParse({}).success).toBe(false);
    expect(fieldsOf(touchpointUpdateSchema.safeParse({ position: -1 }))).toEqual(["position"]);
  });
});

describe("stage fields", () => {
  it("clears a blueprint lane with an empty string and refuses an empty name", () => {
    expect(stageUpdateSchema.parse({ backstage: "" }).backstage).toBeNull();
    expect(fieldsOf(stageUpdateSchema.safeParse({ name: "" }))).toEqual(["name"]);
  });
});
