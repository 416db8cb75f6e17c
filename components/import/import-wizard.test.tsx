// The import wizard's steps as a user goes through them: choose a file → preview → map the columns (a
// required field left unmapped blocks the import) → options → progress → summary with the problem rows.
// `fetch` is a fake of the import API (tests/components/fake-api.ts): the preview answers the file's first
// rows with the real lib/import suggestion, the import streams NDJSON progress and a result like the real
// route; the routes themselves are covered by the integration tests.
import type { ReactNode } from "react";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it, vi } from "vitest";
import { INTERACTION_SPEC } from "@/lib/import/interaction-spec";
import { suggestMapping, type Mapping } from "@/lib/import/mapping";
import { fakeApi, problem } from "@/tests/components/fake-api";
import { render } from "@/tests/components/intl";
import { value } from "@/tests/components/dom";
import type { Result } from "./api";
import { ImportWizard } from "./import-wizard";

const CSV =
  "Full name,Mail,Shoe size\nAda Lovelace,ada@example.com,38\nBad Row,not-an-email,41\nGrace Hopper,grace@example.com,39\n";

/** The app router the wizard reloads itself through (?kind=…): records where it was sent. */
function withRouter(ui: ReactNode, locale: "en" | "de" = "en") {
  const replace = vi.fn();
  const router = { replace, push: vi.fn(), back: vi.fn(), forward: vi.fn(), refresh: vi.fn(), prefetch: vi.fn() };
  render(<AppRouterContext.Provider value={router as unknown as AppRouterInstance}>{ui}</AppRouterContext.Provider>, {
    locale,
  });
  return replace;
}

function importApi(result: Partial<Result> = {}) {
  const api = fakeApi();
  api.on("POST", /^\/api\/v1\/imports\/customers\/preview$/, async (req) => {
    const [header, ...rows] = (await (req.raw as Blob).text())
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    return {
      json: {
        header: header,
        rows: rows.slice(0, 5),
        totalRows: rows.length,
        suggestedMapping: suggestMapping(header),
      },
    };
  });
  api.on("POST", /^\/api\/v1\/imports\/(customers|interactions)\?/, () => ({
    text: [
      { phase: "write", processed: 1, valid: 1, invalid: 0 },
      { phase: "write", processed: 3, valid: 2, invalid: 1 },
      {
        done: true,
        rows: 3,
        inserted: 2,
        updated: 0,
        skipped: 0,
        invalid: 1,
        problems: [{ row: 3, field: "email", reason: "Not an e-mail address" }],
        problemCount: 1,
        mode: "skip_bad_rows",
        ...result,
      },
    ]
      .map((l) => `${JSON.stringify(l)}\n`)
      .join(""),
  }));
  return api;
}

const file = (text = CSV, name = "customers.csv") => new File([text], name, { type: "text/csv" });
const mappingOf = (column: string) => screen.getByRole("combobox", { name: column });

describe("ImportWizard", () => {
  it("previews the file, suggests a mapping, imports and lists the problem rows", async () => {
    const api = importApi();
    const user = userEvent.setup();
    withRouter(<ImportWizard />);
    expect(screen.queryByRole("region", { name: "File preview" })).toBeNull();

    await user.upload(screen.getByLabelText("CSV file"), file());
    const preview = await screen.findByRole("region", { name: "File preview" });
    expect(within(preview).getByRole("cell", { name: "Bad Row" })).toBeTruthy();
    expect(screen.getByText("3 data rows in customers.csv.")).toBeTruthy();
    expect(value(mappingOf("Full name"))).toBe("name");
    expect(value(mappingOf("Mail"))).toBe("email");
    expect(value(mappingOf("Shoe size"))).toBe("__attribute");

    await user.selectOptions(mappingOf("Shoe size"), "ignore");
    await user.click(screen.getByLabelText("Update it from the file"));
    await user.click(screen.getByRole("button", { name: "Import 3 rows" }));

    const summary = await screen.findByRole("region", { name: "Import finished" });
    expect(within(summary).getByText("2 customer(s) added, 0 updated, 0 skipped, 1 row(s) not imported.")).toBeTruthy();
    const problems = within(summary).getByRole("region", { name: "Rows with problems" });
    expect(within(problems).getByRole("cell", { name: "Not an e-mail address" })).toBeTruthy();
    expect(within(problems).getByRole("cell", { name: "3" })).toBeTruthy();
    // The preview and the options give way to the summary.
    expect(screen.queryByRole("region", { name: "File preview" })).toBeNull();

    const [run] = api.sent("POST", /^\/api\/v1\/imports\/customers\?/);
    const qs = new URLSearchParams(run.path.split("?")[1]);
    expect(qs.get("mode")).toBe("skip_bad_rows");
    expect(qs.get("onExisting")).toBe("update");
    expect(JSON.parse(qs.get("mapping") ?? "{}")).toEqual({
      "Full name": "name",
      Mail: "email",
      "Shoe size": "ignore",
    });
  });

  it("blocks the import until a column is mapped to every required field", async () => {
    importApi();
    const user = userEvent.setup();
    withRouter(<ImportWizard />);
    await user.upload(screen.getByLabelText("CSV file"), file());
    await screen.findByRole("region", { name: "File preview" });
    const importButton = () => screen.getByRole("button", { name: "Import 3 rows" }) as HTMLButtonElement;
    expect(importButton().disabled).toBe(false);

    await user.selectOptions(mappingOf("Full name"), "ignore");
    expect(screen.getByText("Map one column to Name.")).toBeTruthy();
    expect(importButton().disabled).toBe(true);
    // A field can fill one column only: the others offer it disabled until it is free again.
    const nameOption = (column: string) =>
      within(mappingOf(column)).getByRole("option", { name: "Name" }) as HTMLOptionElement;
    expect(nameOption("Mail").disabled).toBe(false);
    await user.selectOptions(mappingOf("Shoe size"), "name");
    expect(nameOption("Mail").disabled).toBe(true);
    expect(screen.queryByText(/^Map one column to/)).toBeNull();
    expect(importButton().disabled).toBe(false);
  });

  it("shows why a file was refused and stays on the first step", async () => {
    const api = importApi();
    api.on("POST", /preview$/, () => problem(400, "The file is not valid UTF-8."));
    const user = userEvent.setup();
    withRouter(<ImportWizard />);
    await user.upload(screen.getByLabelText("CSV file"), file());
    expect(await screen.findByText("The file is not valid UTF-8.")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "File preview" })).toBeNull();
  });

  it("keeps the mapping when the import fails, so it can be tried again", async () => {
    const api = importApi({ error: "The database is read-only." });
    const user = userEvent.setup();
    withRouter(<ImportWizard />);
    await user.upload(screen.getByLabelText("CSV file"), file());
    await screen.findByRole("region", { name: "File preview" });
    await user.selectOptions(mappingOf("Shoe size"), "ignore");
    await user.click(screen.getByRole("button", { name: "Import 3 rows" }));
    expect(await screen.findByText("The database is read-only.")).toBeTruthy();
    expect(value(mappingOf("Shoe size"))).toBe("ignore");
    expect(screen.queryByRole("region", { name: "Import finished" })).toBeNull();
    // Back on the mapping step: no progress bar, and the import can be started again.
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect((screen.getByRole("button", { name: "Import 3 rows" }) as HTMLButtonElement).disabled).toBe(false);
    expect(api.sent("POST", /\?/)).toHaveLength(1);
  });

  it("maps interaction columns with the interaction spec, without the existing-customer choice", async () => {
    const api = importApi();
    const user = userEvent.setup();
    withRouter(<ImportWizard kind="interactions" />);
    await user.upload(
      screen.getByLabelText("CSV file"),
      file("customer,occurred_at,outcome,mood\nada@example.com,2026-03-14T09:30:00Z,resolved,2\n", "calls.csv"),
    );
    await screen.findByRole("region", { name: "File preview" });
    const expected: Mapping = suggestMapping(["customer", "occurred_at", "outcome", "mood"], INTERACTION_SPEC);
    expect(value(mappingOf("customer"))).toBe(expected.customer);
    expect(screen.queryByRole("group", { name: "When the external id already exists" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Import 1 row" }));
    await screen.findByRole("region", { name: "Import finished" });
    expect(api.sent("POST", /^\/api\/v1\/imports\/interactions\?/)).toHaveLength(1);
    expect(screen.getByRole("link", { name: "Back to interactions" }).getAttribute("href")).toBe("/interactions");
  });

  it("switches the kind through the URL, and asks for a survey before a response import", async () => {
    importApi();
    const user = userEvent.setup();
    const replace = withRouter(
      <ImportWizard
        kind="responses"
        surveys={[{ id: "srv-1", name: "After the call", status: "live", responseCount: 4 }]}
      />,
    );
    expect(screen.queryByLabelText("CSV file")).toBeNull();
    await user.selectOptions(screen.getByLabelText("Survey the responses belong to"), "srv-1");
    expect(replace).toHaveBeenLastCalledWith("?kind=responses&surveyId=srv-1");
    await user.click(screen.getByLabelText("Customers"));
    expect(replace).toHaveBeenLastCalledWith("?kind=customers");
  });

  it("speaks German: field names, counts with German plurals and separators; the rows' reasons stay the API's", async () => {
    importApi({ rows: 1500, inserted: 1499, updated: 0, skipped: 0, invalid: 1 });
    const user = userEvent.setup();
    withRouter(<ImportWizard />, "de");
    await user.upload(screen.getByLabelText("CSV-Datei"), file());
    expect(await screen.findByText("3 Datenzeilen in customers.csv.")).toBeTruthy();
    expect(within(mappingOf("Full name")).getByRole("option", { name: "Name" })).toBeTruthy();
    expect(within(mappingOf("Mail")).getByRole("option", { name: "Externe ID" })).toBeTruthy();
    await user.selectOptions(mappingOf("Full name"), "ignore");
    expect(screen.getByText("Ordnen Sie je eine Spalte zu: Name.")).toBeTruthy();
    await user.selectOptions(mappingOf("Full name"), "name");
    await user.click(screen.getByRole("button", { name: "3 Zeilen importieren" }));
    const summary = await screen.findByRole("region", { name: "Import abgeschlossen" });
    expect(
      within(summary).getByText("1.499 Kunden hinzugefügt, 0 aktualisiert, 0 übersprungen, 1 Zeile nicht importiert."),
    ).toBeTruthy();
    expect(within(summary).getByText("1.500")).toBeTruthy(); // rows read
    const problems = within(summary).getByRole("region", { name: "Zeilen mit Problemen" });
    expect(within(problems).getByRole("cell", { name: "Not an e-mail address" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Zurück zu den Kunden" }).getAttribute("href")).toBe("/customers");
  });
});
