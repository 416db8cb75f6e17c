// A page's filter errors in its language: the schema's own sentence when the table words it, else the rule by code.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { parseFiltersLeniently } from "../analytics/filters";
import { parseInteractionParams } from "../interactions/schema";
import { parseAuditParams } from "../audit/schema";
import { messagesFor } from "./catalogues";
import { issueWording, type FieldErrorT } from "./field-issue";
import type { ServiceReasonT } from "./service-reasons";

const german = issueWording(
  createTranslator({ locale: "de", messages: messagesFor("de"), namespace: "errors.field" }) as FieldErrorT,
  createTranslator({
    locale: "de",
    messages: messagesFor("de"),
    namespace: "errors.service",
  }) as unknown as ServiceReasonT,
);

describe("issueWording (the pages' filter errors)", () => {
  it("words the dashboard's filter errors in German; English keeps the schema's messages", () => {
    const input = { preset: "custom", from: "2026-05-01", to: "2026-04-01", bucket: "hour" };
    expect(parseFiltersLeniently(input).errors).toEqual({
      bucket: "Use day, week or month",
      to: "The end date is before the start date",
    });
    expect(parseFiltersLeniently(input, german).errors).toEqual({
      bucket: "Wählen Sie eine der Möglichkeiten",
      to: "Das Enddatum liegt vor dem Anfangsdatum",
    });
    expect(
      parseFiltersLeniently({ preset: "custom", bucket: "day", from: "2020-01-01", to: "2026-01-01" }, german).errors,
    ).toEqual({
      bucket: "Punkte pro Tag decken höchstens 400 Tage ab; wählen Sie größere Punkte oder einen kürzeren Zeitraum",
    });
  });

  it("words the lists' filters (interactions, audit log) by the table or by the issue's code", () => {
    expect(parseInteractionParams({ from: "garbage", q: "x" }, german).errors).toEqual({
      from: "Geben Sie ein Datum (JJJJ-MM-TT) oder einen ISO-Zeitpunkt ein",
      q: "Geben Sie mindestens 2 Zeichen ein",
    });
    expect(parseAuditParams({ from: "2026-05-02", to: "2026-05-01" }, german).errors).toEqual({
      to: "Das Ende liegt vor dem Anfang",
    });
    expect(parseAuditParams({ from: "2026-05-02", to: "2026-05-01" }).errors).toEqual({
      to: "The end is before the start",
    });
  });
});
