// The import report's row reasons in the page's language: the API's English worded by the service-reasons table,
// the refused cell (` (got "…")`) kept apart; a reason the table does not know shows as it is, marked English.
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { render } from "@/tests/components/intl";
import type { Result } from "./api";
import { ImportSummary } from "./summary";

const result: Result = {
  done: true,
  rows: 4,
  inserted: 1,
  updated: 0,
  skipped: 0,
  invalid: 3,
  mode: "skip_bad_rows",
  problemCount: 4,
  problems: [
    { row: 2, field: "unit", reason: 'No unit with the code "N9" in this organization' },
    { row: 3, field: "answers.nps", reason: 'Expected a whole number from 0 to 10 (got "zehn")' },
    { row: 4, field: "email", reason: "Invalid email address" },
    { row: 5, field: "x", reason: "A reason no table knows" },
  ],
};

const reasons = () =>
  screen
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.lastElementChild!);

describe("ImportSummary's row reasons", () => {
  it("are German for a German user, each cell marked by its language", () => {
    render(<ImportSummary result={result} />, { locale: "de" });
    expect(reasons().map((td) => [td.textContent, td.getAttribute("lang")])).toEqual([
      ["Keine Einheit mit dem Code „N9“ in dieser Organisation", null],
      ["Erwartet wird eine ganze Zahl von 0 bis 10 (erhalten: „zehn“)", null],
      ["Keine gültige E-Mail-Adresse", null],
      ["A reason no table knows", "en"],
    ]);
  });

  it("are the API's English, unchanged, for an English user", () => {
    render(<ImportSummary result={result} />);
    expect(reasons().map((td) => td.textContent)).toEqual(result.problems.map((p) => p.reason));
  });
});
