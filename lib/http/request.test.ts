import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../errors";
import { nulPaths, parse } from "./request";

describe("NUL characters in input", () => {
  it("are found in nested values and keys, by dotted path", () => {
    expect(nulPaths({ a: "ok", b: ["x", "y\u0000"], c: { d: "\u0000" }, ["k\u0000"]: 1 })).toEqual([
      "b.1",
      "c.d",
      "k\\0",
    ]);
    expect(nulPaths("\u0000")).toEqual([""]);
    expect(nulPaths({ a: "fine", n: 1, z: null })).toEqual([]);
  });

  it("are refused by parse() with the field named, before the schema runs", () => {
    const schema = z.object({ name: z.string() });
    expect(() => parse(schema, { name: "a\u0000b" }, "body")).toThrow(ValidationError);
    try {
      parse(schema, { name: "a\u0000b" }, "body");
    } catch (e) {
      expect((e as ValidationError).invalidParams).toEqual([
        { name: "name", reason: "Must not contain the NUL character (U+0000)", in: "body" },
      ]);
    }
    expect(parse(schema, { name: "ok" }, "body")).toEqual({ name: "ok" });
  });
});
