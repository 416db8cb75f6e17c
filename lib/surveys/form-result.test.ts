import { describe, expect, it, vi } from "vitest";
import { ValidationError } from "../errors";
import { RateLimitedError } from "../rate-limit/service";
import { AnswersInvalidError, ResponseCompletedError, ResumeTokenRequiredError, SurveyClosedError } from "./errors";
import { formResultFromError } from "./form-result";

describe("formResultFromError", () => {
  it("puts a localized message next to each refused answer", () => {
    const error = new AnswersInvalidError([
      { name: "answers.nps", key: "nps", code: "required", reason: "Required to complete the response" },
      { name: "answers.why", key: "why", code: "too_long", reason: "At most 5000 characters" },
    ]);
    expect(error.status).toBe(400);
    expect(error.invalidParams?.map((p) => p.name)).toEqual(["answers.nps", "answers.why"]);
    expect(formResultFromError(error, "de")).toEqual({
      ok: false,
      reason: "invalid",
      message: "Bitte prüfen Sie die markierten Antworten.",
      fieldErrors: {
        nps: "Bitte beantworten Sie diese Frage.",
        why: "Bitte kürzen Sie Ihre Antwort auf 5.000 Zeichen.",
      },
    });
  });

  it("maps completed, closed and rate-limited to their messages", () => {
    expect(formResultFromError(new ResponseCompletedError(), "en")).toMatchObject({
      reason: "completed",
      message: expect.stringContaining("already answered"),
    });
    expect(formResultFromError(new SurveyClosedError(), "fr")).toMatchObject({
      reason: "closed",
      message: "Cette enquête est terminée",
    });
    expect(formResultFromError(new RateLimitedError(30), "es")).toMatchObject({ reason: "rate_limited" });
  });

  it("tells the form to start a new response when its clientId's resume token is missing", () => {
    expect(formResultFromError(new ResumeTokenRequiredError(), "en")).toMatchObject({ ok: false, reason: "restart" });
  });

  it("reveals nothing of an unexpected error, but logs it", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = formResultFromError(new Error("ECONNREFUSED 10.0.0.1"), "en");
    expect(result).toEqual({
      ok: false,
      reason: "error",
      message: "Your answers could not be sent. Please try again.",
      fieldErrors: {},
    });
    expect(log).toHaveBeenCalledOnce();
    expect(formResultFromError(new ValidationError([{ name: "clientId", reason: "x" }]), "en").reason).toBe("error");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
