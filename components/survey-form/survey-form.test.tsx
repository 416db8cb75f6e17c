// The hosted form's partial save of a score from an e-mail link: with an invitation's response (?rid=&rt= of the
// /i/ redirect) every page load saves its score under that client id and resume token — also after this tab saved
// another score — and an invitation answered in full says so; without one, a tab saves its prefill once.
// `submit` stands for the page's server action; the server side is covered by tests/integration/response-rates.test.ts
// and the click in a real browser by tests/e2e/campaigns.spec.ts.
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { SurveyFormResult } from "@/lib/surveys/form-result";
import type { SurveyFormProps } from "./survey-form";

const PUBLIC_ID = "pub-form";
const strings = {
  required: "required",
  submit: "Send",
  sending: "Sending…",
  thanksTitle: "Thank you",
  thanksBody: "Your answer was saved.",
  alreadyDone: "You have already answered this survey.",
  genericError: "Something went wrong.",
  yes: "Yes",
  no: "No",
  textHint: "",
};
const questions: SurveyFormProps["questions"] = [
  {
    key: "nps",
    type: "score",
    required: true,
    headline: true,
    text: "How likely are you to recommend us?",
    scale: { min: 0, max: 10, minLabel: null, maxLabel: null },
  },
];

// client-id.ts keeps a copy of what it stores in the module (for blocked storage): every test loads a fresh copy,
// as a page load would.
async function renderForm(submit: SurveyFormProps["submit"], response?: SurveyFormProps["response"]) {
  vi.resetModules();
  const { SurveyForm } = await import("./survey-form");
  render(
    <SurveyForm
      publicId={PUBLIC_ID}
      locale="en"
      questions={questions}
      strings={strings}
      prefill={{ nps: 3 }}
      context={{ customerExternalId: "C-1", customerToken: "1.sig" }}
      response={response}
      submit={submit}
    />,
  );
}

const invitation = { clientId: "inv.cinv1.AAAAAAAAAAAAAAAAAAAAAA", resumeToken: "derived-token" };

describe("SurveyForm with an invitation's response", () => {
  it("saves the link's score under the invitation's client id and token, even after this tab saved another score", async () => {
    sessionStorage.setItem(`resonance:survey:${PUBLIC_ID}:partial`, "1"); // the first click, in this tab
    const submit = vi.fn(async (): Promise<SurveyFormResult> => ({ ok: true, completed: false }));
    await renderForm(submit, invitation);
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]).toEqual([
      expect.objectContaining({
        clientId: invitation.clientId,
        resumeToken: invitation.resumeToken,
        answers: { nps: 3 },
        complete: false,
        customerExternalId: "C-1",
      }),
    ]);
    // the tab's own client id is neither used nor replaced
    expect(sessionStorage.getItem(`resonance:survey:${PUBLIC_ID}:client`)).toBeNull();
  });

  it("says the survey was already answered when the invitation's response is complete", async () => {
    const submit = vi.fn(async (): Promise<SurveyFormResult> => ({
      ok: false,
      reason: "completed",
      message: strings.alreadyDone,
      fieldErrors: {},
    }));
    await renderForm(submit, invitation);
    expect(await screen.findByText(strings.alreadyDone)).toBeTruthy();
  });
});

describe("SurveyForm without one", () => {
  it("saves the prefill once per tab, under a client id of its own", async () => {
    const submit = vi.fn(async (): Promise<SurveyFormResult> => ({ ok: true, completed: false, resumeToken: "r1" }));
    await renderForm(submit);
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const clientId = sessionStorage.getItem(`resonance:survey:${PUBLIC_ID}:client`);
    expect(clientId).toMatch(/^[0-9a-f]{32}$/);
    expect(submit.mock.calls[0]).toEqual([expect.objectContaining({ clientId, answers: { nps: 3 } })]);
    screen.getByRole("button", { name: "Send" }); // still the form
  });

  it("does not save it again once this tab has", async () => {
    sessionStorage.setItem(`resonance:survey:${PUBLIC_ID}:partial`, "1");
    const submit = vi.fn(async (): Promise<SurveyFormResult> => ({ ok: true, completed: false }));
    await renderForm(submit);
    await new Promise((r) => setTimeout(r, 50));
    expect(submit).not.toHaveBeenCalled();
  });
});
