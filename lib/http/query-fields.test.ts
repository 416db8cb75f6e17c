import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalId, optionalInstant, parseFilterParams, periodInOrder } from "./query-fields";

const schema = z
  .object({
    id: optionalId,
    n: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int("whole").optional()),
    from: optionalInstant(false),
    to: optionalInstant(true),
  })
  .superRefine(periodInOrder);
const KEYS = ["id", "n", "from", "to"];

describe("optionalInstant", () => {
  it("reads a plain date as a whole UTC day: a start at its first instant, an end at the next day's", () => {
    expect(optionalInstant(false).parse("2026-03-01")).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(optionalInstant(true).parse("2026-03-01")).toEqual(new Date("2026-03-02T00:00:00Z"));
    expect(optionalInstant(true).parse("2026-03-01T10:30:00Z")).toEqual(new Date("2026-03-01T10:30:00Z"));
    expect(optionalInstant(true).parse("  ")).toBeUndefined();
  });

  it("refuses what Date.parse would read as some other day: a bare number, 30 February, a loose text", () => {
    for (const bad of ["1", "2026-02-30", "2026-02-30T10:00:00Z", "March 1, 2026", "2026-3-1"])
      expect(optionalInstant(false).safeParse(bad).success, bad).toBe(false);
    expect(optionalInstant(false).parse("2026-03-01T10:00:00.123+01:00")).toEqual(new Date("2026-03-01T09:00:00.123Z"));
  });
});

describe("parseFilterParams", () => {
  it("keeps the good filters and names each bad one, without failing", () => {
    const { filters, errors } = parseFilterParams(schema, KEYS, { id: "abc", n: "1.5", from: "soon", to: "" });
    expect(filters).toEqual({ id: "abc" });
    expect(errors).toEqual({ n: "whole", from: "Use a date (YYYY-MM-DD) or an ISO date-time" });
  });

  it("drops the end of a period that ends before it starts, keeping the start", () => {
    const { filters, errors } = parseFilterParams(schema, KEYS, { from: "2026-03-05", to: "2026-03-01" });
    expect(errors).toEqual({ to: "The end is before the start" });
    expect(filters).toEqual({ from: new Date("2026-03-05T00:00:00Z") });
  });

  it("ignores keys it was not given", () => {
    const { filters, errors } = parseFilterParams(schema, KEYS, { id: "x", other: "y" });
    expect(filters).toEqual({ id: "x" });
    expect(errors).toEqual({});
  });
});
