// The survey editor's question list as a user edits it: add, move, remove, edit per language, the dirty/saved
// state, and the API's field errors shown next to the inputs they name. `fetch` is a fake of the builder API
// (tests/components/fake-api.ts) that answers as the real routes do (the survey, or problem+json with field
// paths); the routes themselves are covered by the integration tests.
import { screen, waitFor, within } from "@testing-library/react";
import { render } from "@/tests/components/intl";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SurveyDetail } from "@/lib/surveys/builder";
import type { QuestionDraft } from "@/lib/surveys/builder-schema";
import { fakeApi, problem } from "@/tests/components/fake-api";
import { value } from "@/tests/components/dom";
import { SurveyEditor } from "./survey-editor";

type StoredQuestion = SurveyDetail["questions"][number];

function question(key: string, patch: Partial<StoredQuestion> = {}): StoredQuestion {
  return {
    id: `id-${key}`,
    key,
    type: "text",
    required: false,
    headline: false,
    scaleMin: null,
    scaleMax: null,
    text: { en: `Text of ${key}`, de: `Text von ${key}` },
    options: [],
    showIf: null,
    servqualDimension: null,
    servqualRole: null,
    answerCount: 0,
    locked: false,
    ...patch,
  };
}

function survey(patch: Partial<SurveyDetail> = {}): SurveyDetail {
  return {
    id: "srv-1",
    publicId: "pub-1",
    name: "After the call",
    type: "custom",
    status: "draft",
    version: 1,
    defaultLocale: "en",
    languages: ["en", "de"],
    touchpoint: null,
    settings: {
      allowedOrigins: [],
      rateLimit: {},
      widget: { trigger: "load", delaySeconds: 5, throttleDays: 30, samplePercent: 100, position: "bottom-right" },
    },
    publishedAt: null,
    closedAt: null,
    responseCount: 0,
    organization: "Demo",
    questions: [question("q1"), question("q2")],
    ...patch,
  };
}

/** PUT /questions as the real route answers a valid list: the stored survey, every question with an id. */
function builderApi(initial: SurveyDetail) {
  const api = fakeApi();
  let stored = initial;
  api.on("PUT", /^\/api\/v1\/surveys\/srv-1\/questions$/, (req) => {
    const { questions } = req.body as { questions: QuestionDraft[] };
    stored = {
      ...stored,
      questions: questions.map((q, i) => ({ ...q, id: q.id ?? `new-${i}`, answerCount: 0, locked: false })),
    };
    return { json: stored };
  });
  api.on("POST", /^\/api\/v1\/surveys\/srv-1\/publish$/, () => {
    stored = { ...stored, status: "live" };
    return { json: stored };
  });
  return api;
}

const card = (n: number) => screen.getByRole("listitem", { name: new RegExp(`^Question ${n}\\b`) });
const keys = () => screen.getAllByLabelText("Key").map(value);
const saveButton = () => screen.getByRole("button", { name: "Save questions" }) as HTMLButtonElement;
const saveState = () => screen.getByText(/^(Unsaved changes|All changes saved)$/).textContent;

function renderEditor(initial = survey(), locale: "en" | "de" = "en") {
  return render(
    <SurveyEditor
      initial={initial}
      touchpointGroups={[]}
      origin="https://cx.example"
      embedPath="/embed/1.js"
      organization="Demo"
    />,
    { locale },
  );
}

describe("SurveyEditor", () => {
  it("starts saved; adding a question makes it dirty and Save stores the list in order", async () => {
    const api = builderApi(survey());
    const user = userEvent.setup();
    renderEditor();
    expect(saveState()).toBe("All changes saved");
    expect(saveButton().disabled).toBe(true);

    await user.click(
      within(screen.getByRole("group", { name: "Add a question" })).getByRole("button", { name: "Score" }),
    );
    expect(keys()).toEqual(["q1", "q2", "q3"]);
    expect(value(within(card(3)).getByLabelText("Type"))).toBe("score");
    expect(value(within(card(3)).getByLabelText("Scale from"))).toBe("1");
    expect(value(within(card(3)).getByLabelText("Scale to"))).toBe("5");
    expect(saveState()).toBe("Unsaved changes");

    await user.click(saveButton());
    await waitFor(() => expect(saveState()).toBe("All changes saved"));
    expect(screen.getByText("Questions saved.")).toBeTruthy();
    const [put] = api.sent("PUT", /questions$/);
    const sent = (put.body as { questions: Record<string, unknown>[] }).questions;
    expect(sent.map((q) => q.key)).toEqual(["q1", "q2", "q3"]);
    expect(sent[2]).toMatchObject({ type: "score", scaleMin: 1, scaleMax: 5, text: { en: "", de: "" } });
    // Editor-only fields stay in the browser.
    expect(sent[2]).not.toHaveProperty("uid");
    expect(sent[0]).not.toHaveProperty("locked");
  });

  it("moves and removes questions, and a new key never repeats a taken one", async () => {
    builderApi(survey());
    const user = userEvent.setup();
    renderEditor(survey({ questions: [question("q1"), question("q2"), question("q4")] }));

    await user.click(screen.getByRole("button", { name: "Move question 3 up" }));
    expect(keys()).toEqual(["q1", "q4", "q2"]);
    expect((screen.getByRole("button", { name: "Move question 1 up" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Move question 3 down" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Move question 1 down" }));
    expect(keys()).toEqual(["q4", "q1", "q2"]);

    await user.click(screen.getByRole("button", { name: "Remove question 2" }));
    expect(keys()).toEqual(["q4", "q2"]);
    await user.click(
      within(screen.getByRole("group", { name: "Add a question" })).getByRole("button", { name: "Text" }),
    );
    expect(keys()).toEqual(["q4", "q2", "q3"]);
    expect(saveState()).toBe("Unsaved changes");

    await user.click(screen.getByRole("button", { name: "Remove question 1" }));
    await user.click(screen.getByRole("button", { name: "Remove question 1" }));
    await user.click(screen.getByRole("button", { name: "Remove question 1" }));
    expect(screen.getByText("No questions yet. Add one below.")).toBeTruthy();
  });

  it("edits the texts of the language tab that is selected", async () => {
    const api = builderApi(survey());
    const user = userEvent.setup();
    renderEditor();
    await user.click(screen.getByRole("tab", { name: "German" }));
    const text = within(card(1)).getByLabelText("Question text (de)");
    expect(value(text)).toBe("Text von q1");
    await user.clear(text);
    await user.type(text, "Wie war es?");
    await user.click(screen.getByRole("tab", { name: "English" }));
    expect(value(within(card(1)).getByLabelText("Question text (en)"))).toBe("Text of q1");
    await user.click(saveButton());
    await waitFor(() => expect(saveState()).toBe("All changes saved"));
    const sent = (api.sent("PUT", /questions$/)[0].body as { questions: QuestionDraft[] }).questions;
    expect(sent[0].text).toEqual({ en: "Text of q1", de: "Wie war es?" });
  });

  it("shows the API's field errors next to their inputs and stays unsaved", async () => {
    const api = builderApi(survey());
    api.on("PUT", /questions$/, () =>
      problem(400, "Some questions need attention.", {
        "questions.1.key": 'Key "q1" is used twice',
        "questions.0.text.de": "Question text is missing in de",
      }),
    );
    const user = userEvent.setup();
    renderEditor();
    const key2 = within(card(2)).getByLabelText("Key");
    await user.clear(key2);
    await user.type(key2, "q1");
    await user.click(saveButton());

    await waitFor(() => expect(screen.getByText("Some questions need attention.")).toBeTruthy());
    expect(within(card(2)).getByText('Key "q1" is used twice')).toBeTruthy();
    expect(within(card(2)).getByLabelText("Key").getAttribute("aria-invalid")).toBe("true");
    expect(within(card(1)).getByLabelText("Key").getAttribute("aria-invalid")).toBeNull();
    // A missing translation shows on the question in every tab, with the field described by it.
    const text1 = within(card(1)).getByLabelText("Question text (en)");
    expect(text1.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(text1.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Question text is missing in de",
    );
    expect(saveState()).toBe("Unsaved changes");
    expect(saveButton().disabled).toBe(false);

    // Moving questions clears messages whose paths no longer point at the right question.
    await user.click(screen.getByRole("button", { name: "Move question 2 up" }));
    expect(screen.queryByText('Key "q1" is used twice')).toBeNull();
  });

  it("saves unsaved questions before publishing", async () => {
    const api = builderApi(survey());
    const user = userEvent.setup();
    renderEditor();
    await user.click(
      within(screen.getByRole("group", { name: "Add a question" })).getByRole("button", { name: "Yes / no" }),
    );
    await user.click(screen.getByRole("button", { name: "Publish" }));
    await waitFor(() => expect(screen.getByText("Published: the link and the widget take answers now.")).toBeTruthy());
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "PUT /api/v1/surveys/srv-1/questions",
      "POST /api/v1/surveys/srv-1/publish",
    ]);
    expect(screen.getByText("Live")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Close survey" })).toBeTruthy();
  });

  it("locks the key and type of a question that has answers", () => {
    builderApi(survey());
    renderEditor(
      survey({ responseCount: 3, questions: [question("q1", { answerCount: 10000, locked: true }), question("q2")] }),
    );
    expect((within(card(1)).getByLabelText("Key") as HTMLInputElement).disabled).toBe(true);
    expect((within(card(1)).getByLabelText("Type") as HTMLSelectElement).disabled).toBe(true);
    expect(within(card(1)).getByText(/Locked: 10,000 answers/)).toBeTruthy();
    expect((within(card(2)).getByLabelText("Key") as HTMLInputElement).disabled).toBe(false);
  });

  it("speaks German on a German page: labels, counts with German separators, language names, a save", async () => {
    const api = builderApi(survey());
    const user = userEvent.setup();
    renderEditor(
      survey({
        responseCount: 1234,
        questions: [question("q1", { answerCount: 10000, locked: true }), question("q2")],
      }),
      "de",
    );
    expect(screen.getByText("1.234 Antworten")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Englisch" })).toBeTruthy();
    const first = screen.getByRole("listitem", { name: /^Frage 1\b/ });
    expect(within(first).getByText(/Gesperrt: 10\.000 Antworten/)).toBeTruthy();
    expect(within(first).getByLabelText("Fragetext (en)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Frage 2 nach oben verschieben" })).toBeTruthy();
    await user.click(
      within(screen.getByRole("group", { name: "Frage hinzufügen" })).getByRole("button", { name: "Ja / Nein" }),
    );
    expect(screen.getByText("Ungespeicherte Änderungen")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Fragen speichern" }));
    await waitFor(() => expect(screen.getByText("Fragen gespeichert.")).toBeTruthy());
    expect(api.sent("PUT", /questions$/)).toHaveLength(1);
  });
});
