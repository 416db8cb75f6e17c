"use client";
// The hosted survey form. Submits through a server action that calls the public service, with a clientId
// kept in sessionStorage: a double click, a retry or a reload continues the same response (presenting the
// resume token its first submit returned; a clientId the tab holds no token for is replaced by a new one). A score
// prefilled from an e-mail link is saved at once as a partial response, so it counts even if the
// respondent closes the page; the full submit completes it. An invitation's links name its one response
// (`response`: client id and resume token from the /i/ redirect), so a later click on another score replaces the
// saved one instead of adding a response. Skip logic hides questions as answers change.
import { useEffect, useRef, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import type { PublicQuestion } from "@/lib/surveys/public-service";
import type { SurveyFormResult } from "@/lib/surveys/form-result";
import { visibleKeys, type AnswerValue } from "@/lib/surveys/logic";
import { buttonClass } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { ChoiceQuestion } from "./choice-question";
import { clientIdFor, flag, restartClientId, resumeTokenFor, setFlag, setResumeToken } from "./client-id";
import { ScoreQuestion } from "./score-question";
import { TextQuestion } from "./text-question";
import { ThankYou } from "./thank-you";

export type SurveyFormStrings = {
  required: string;
  submit: string;
  sending: string;
  thanksTitle: string;
  thanksBody: string;
  alreadyDone: string;
  genericError: string;
  yes: string;
  no: string;
  textHint: string;
};

export type SurveyFormProps = {
  publicId: string;
  locale: string;
  questions: PublicQuestion[];
  strings: SurveyFormStrings;
  /** Answers from the link (?score=), saved at once as a partial response. */
  prefill: Record<string, number>;
  context: {
    customerExternalId?: string;
    customerToken?: string;
    touchpointId?: string;
    channel?: string;
    qrSignature?: string;
  };
  /** The invitation's response (?rid=&rt= of an e-mail link): continued by every submit instead of this tab's own. */
  response?: { clientId: string; resumeToken: string };
  submit: (input: unknown) => Promise<SurveyFormResult>;
};

/** sessionStorage flags change only through this tab's own submit, which sets state as well. */
const noChanges = () => () => {};

function answered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function SurveyForm({
  publicId,
  locale,
  questions,
  strings,
  prefill,
  context,
  response,
  submit,
}: SurveyFormProps) {
  const [values, setValues] = useState<Record<string, AnswerValue>>(prefill);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<null | "thanks" | "already">(null);
  // Answered earlier in this tab (sessionStorage, which the server cannot see): thank the respondent again.
  const doneBefore = useSyncExternalStore(
    noChanges,
    () => flag(publicId, "done"),
    () => false,
  );
  const [focusRequest, setFocusRequest] = useState(0);
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  const partialSave = useRef<Promise<unknown> | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // Dropped if the server does not recognise it (a changed server key): the answer then starts a response of its own.
  const invited = useRef(response ?? null);

  const envelope = (answers: Record<string, AnswerValue>, complete: boolean) => ({
    clientId: invited.current?.clientId ?? clientIdFor(publicId),
    resumeToken: invited.current?.resumeToken ?? resumeTokenFor(publicId),
    answers,
    complete,
    locale,
    ...context,
  });

  async function send(answers: Record<string, AnswerValue>, complete: boolean): Promise<SurveyFormResult> {
    let result = await submit(envelope(answers, complete));
    if (!result.ok && result.reason === "restart") {
      if (invited.current) invited.current = null;
      else restartClientId(publicId);
      result = await submit(envelope(answers, complete));
    }
    if (result.ok && result.resumeToken && !invited.current) setResumeToken(publicId, result.resumeToken);
    return result;
  }

  useEffect(() => {
    if (flag(publicId, "done") || Object.keys(prefill).length === 0) return;
    // This tab's own response saves its prefill once; an invitation's response takes every click's score.
    if (!invited.current && flag(publicId, "partial")) return;
    partialSave.current = send(prefill, false)
      .then((r) => {
        if (r.ok) setFlag(publicId, "partial");
        else if (r.reason === "completed") setDone("already"); // the invitation was answered in full before
      })
      .catch(() => {}); // the full submit carries the score again
    // Once per page load: the prefill never changes after the server rendered it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately once, on mount (see above)
  }, []);

  const shown = visibleKeys(questions, values);

  function change(key: string, value: AnswerValue) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const answers: Record<string, AnswerValue> = {};
    for (const q of questions) {
      const v = values[q.key];
      if (shown.has(q.key) && answered(v)) answers[q.key] = typeof v === "string" ? v.trim() : v;
    }
    startTransition(async () => {
      let result: SurveyFormResult;
      try {
        await partialSave.current;
        result = await send(answers, true);
      } catch {
        result = { ok: false, reason: "error", message: strings.genericError, fieldErrors: {} };
      } finally {
        inFlight.current = false;
      }
      if (result.ok || result.reason === "completed") {
        setFlag(publicId, "done");
        setDone(result.ok ? "thanks" : "already");
        return;
      }
      setErrors(result.fieldErrors);
      setMessage(result.message);
      setFocusRequest((n) => n + 1);
    });
  }

  // After an error has rendered, take keyboard users to the first answer that needs attention (or to the message).
  useEffect(() => {
    if (focusRequest === 0) return;
    const target =
      form.current?.querySelector<HTMLElement>("[data-invalid] input, [data-invalid] textarea") ??
      document.getElementById("survey-message");
    target?.focus();
  }, [focusRequest]);

  const shownDone = done ?? (doneBefore ? "thanks" : null);
  if (shownDone)
    return (
      <ThankYou title={strings.thanksTitle} body={shownDone === "thanks" ? strings.thanksBody : strings.alreadyDone} />
    );

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="flex flex-col gap-8" aria-busy={pending || undefined}>
      {questions
        .filter((q) => shown.has(q.key))
        .map((q) => {
          const error = errors[q.key];
          const value = values[q.key];
          if (q.type === "score")
            return (
              <ScoreQuestion
                key={q.key}
                question={q}
                value={typeof value === "number" ? value : undefined}
                error={error}
                requiredLabel={strings.required}
                onChange={(v) => change(q.key, v)}
              />
            );
          if (q.type === "text")
            return (
              <TextQuestion
                key={q.key}
                question={q}
                value={typeof value === "string" ? value : ""}
                error={error}
                strings={strings}
                onChange={(v) => change(q.key, v)}
              />
            );
          return (
            <ChoiceQuestion
              key={q.key}
              question={q}
              value={value}
              error={error}
              strings={strings}
              onChange={(v) => change(q.key, v)}
            />
          );
        })}
      {message ? (
        <div id="survey-message" tabIndex={-1}>
          <FormMessage tone="error">{message}</FormMessage>
        </div>
      ) : null}
      <div>
        <button
          type="submit"
          className={buttonClass("primary", "md", "w-full sm:w-auto sm:min-w-40")}
          disabled={pending}
        >
          {pending ? strings.sending : strings.submit}
        </button>
      </div>
    </form>
  );
}
