// The rows a write stores (lib/text-analytics/store.ts): one analysis per text answer and note, the answer that is
// the response's comment marked, the response's locale first and the organization's default language otherwise,
// unsupported languages without sentiment or themes, and matched words as offsets into the text.
import { describe, expect, it } from "vitest";
import { starterTaxonomy } from "../text/analyse";
import { ANALYSER_VERSION, analysisRows, interactionItems, responseItems } from "./store";

const at = new Date("2026-12-01T10:00:00Z");
const contexts = new Map([
  ["org-en", { version: 0, compiled: starterTaxonomy(), defaultLanguage: "en" }],
  ["org-de", { version: 4, compiled: starterTaxonomy(), defaultLanguage: "de-DE" }],
]);

describe("the texts of a write", () => {
  it("every answer with a text, the comment marked; blank and missing texts skipped", () => {
    const items = responseItems(
      [{ id: "r1", orgId: "org-en", locale: "en", comment: "Charged twice.", submittedAt: at }],
      [
        { id: "a1", responseId: "r1", valueText: "Charged twice." },
        { id: "a2", responseId: "r1", valueText: "Friendly staff." },
        { id: "a3", responseId: "r1", valueText: "   " },
        { id: "a4", responseId: "r1" },
        { id: "a5", responseId: "other", valueText: "Not this response's" },
      ],
    );
    expect(items.map((i) => [i.answerId, i.isComment])).toEqual([
      ["a1", true],
      ["a2", false],
    ]);
    expect(interactionItems([{ id: "i1", orgId: "org-en", note: null, occurredAt: at }])).toEqual([]);
  });

  it("analysis and match rows: language by locale, else the organization's; offsets, never the words", () => {
    const items = [
      ...responseItems(
        [{ id: "r1", orgId: "org-de", locale: null, comment: null, submittedAt: at }],
        [{ id: "a1", responseId: "r1", valueText: "Die Rechnung war falsch." }],
      ),
      ...responseItems(
        [{ id: "r2", orgId: "org-en", locale: "fr", comment: null, submittedAt: at }],
        [{ id: "a2", responseId: "r2", valueText: "Facture fausse." }],
      ),
      ...interactionItems([{ id: "i1", orgId: "org-en", note: "Refund promised, customer happy.", occurredAt: at }]),
    ];
    const { analyses, matches } = analysisRows(items, contexts, at);
    expect(analyses).toMatchObject([
      { source: "answer", answerId: "a1", responseId: "r1", language: "de", taxonomyVersion: 4 },
      { source: "answer", answerId: "a2", language: "unsupported", label: "unsupported", sentiment: null },
      { source: "note", interactionId: "i1", language: "en", label: "positive", taxonomyVersion: 0 },
    ]);
    expect(analyses.every((a) => (a as { analyserVersion: number }).analyserVersion === ANALYSER_VERSION)).toBe(true);
    expect(matches).toMatchObject([
      { themeKey: "billing", responseId: "r1", spans: [[4, 12]], occurredAt: at },
      { themeKey: "billing", interactionId: "i1", spans: [[0, 6]] },
    ]);
    expect(JSON.stringify(matches)).not.toContain("Rechnung");
  });
});
