import { describe, expect, it } from "vitest";
import { ERASED_MARK, personalNeedles, redactJson } from "./redact";

describe("redactJson", () => {
  const needles = personalNeedles(["Ada Lovelace", "ada@example.test", "C-1", null, "  "]);

  it("drops values too short to be safe and sorts the longest first", () => {
    expect(personalNeedles(["ab", "Ada Lovelace", "ada@example.test"])).toEqual(["ada@example.test", "Ada Lovelace"]);
  });

  it("replaces every occurrence in nested strings, case-insensitively, and in keys", () => {
    const { value, changed } = redactJson(
      {
        status: "sent",
        to: "ADA@example.test",
        link: "https://x.test/s/abc?cid=C-1",
        list: ["Dear Ada Lovelace,", 3],
        nested: { "ada@example.test": true },
      },
      needles,
    );
    expect(changed).toBe(true);
    expect(value).toEqual({
      status: "sent",
      to: ERASED_MARK,
      link: `https://x.test/s/abc?cid=${ERASED_MARK}`,
      list: [`Dear ${ERASED_MARK},`, 3],
      nested: { [ERASED_MARK]: true },
    });
  });

  it("leaves a document without the values as it was", () => {
    const doc = { fields: ["name", "email"], count: 2, nothing: null };
    expect(redactJson(doc, needles)).toEqual({ value: doc, changed: false });
  });

  it("treats regular-expression characters in a value literally", () => {
    expect(redactJson({ a: "x.y+z(1)", b: "xxy+z(1)" }, ["x.y+z(1)"]).value).toEqual({ a: ERASED_MARK, b: "xxy+z(1)" });
  });
});
