// A stored definition's problems, as the audiences pages list them: every reason the schema can give (its own
// messages and zod's) is worded in German by the service-reasons table; English stays the API's.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messagesFor } from "../i18n/catalogues";
import { translateServiceReason, type ServiceReasonT } from "../i18n/service-reasons";
import { readStoredDefinition } from "./definition";

const attr = (more: object) => ({ type: "attribute", key: "plan", op: "equals", value: "pro", ...more });
const BROKEN: unknown[] = [
  { criteria: "everyone" },
  { criteria: [{ type: "birthday", month: 5 }] },
  { criteria: Array.from({ length: 21 }, () => ({ type: "tags", tags: ["vip"] })) },
  {
    criteria: [
      attr({ value: { nested: true } }),
      attr({ key: "" }),
      attr({ key: 'pl"an' }),
      attr({ value: undefined }),
      attr({ op: "in", value: undefined, values: [] }),
      attr({ valueType: "number", value: "x" }),
      attr({ valueType: "text", value: 1 }),
      attr({ valueType: "boolean", value: "x" }),
      attr({ op: "range", value: undefined }),
      attr({ op: "range", value: undefined, min: 5, max: 1 }),
      attr({ op: "range", value: undefined, valueType: "text", min: 1 }),
    ],
  },
  {
    criteria: [
      { type: "tags", tags: [] },
      { type: "language", languages: ["!!"] },
      { type: "language", languages: [] },
      { type: "consent", states: [] },
      { type: "lastNps", categories: [] },
      { type: "interaction", days: "x" },
      { type: "interaction", days: 1.5 },
      { type: "interaction", days: 0 },
      { type: "interaction", days: 4000 },
    ],
  },
  {
    criteria: [
      { type: "journey", journeyId: "" },
      { type: "journey", journeyId: "a b" },
    ],
  },
];

describe("a stored definition's problems in German (the audiences list and an audience's page)", () => {
  const de = createTranslator({ locale: "de", messages: messagesFor("de"), namespace: "errors.service" });
  const reasons = BROKEN.flatMap((json) => readStoredDefinition(json).problems ?? []).map((p) => p.reason);

  it("covers the schema's own messages", () => {
    for (const own of [
      "Enter the value",
      "The maximum is below the minimum",
      "At most 3650 days (10 years)",
      "Choose one",
    ])
      expect(reasons).toContain(own);
    expect(new Set(reasons).size).toBeGreaterThan(20);
  });

  it.each([...new Set(reasons)])("words %j", (reason) => {
    const german = translateServiceReason(de as unknown as ServiceReasonT, reason);
    expect(german).not.toBe(reason);
    expect(german).not.toMatch(/⟦/);
  });
});
