"use client";
// The interactive parts of the customer's privacy tools: the consent switch and the erasure, which asks for
// the customer's name (or ERASE) to be typed before the button does anything.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { eraseCustomerAction, setConsentAction } from "@/app/_actions/privacy";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";
import { controlClass } from "../ui/field";

const value = (c: boolean | null) => (c === true ? "yes" : c === false ? "no" : "unknown");

export function ConsentForm({ customerId, consent }: { customerId: string; consent: boolean | null }) {
  const t = useTranslations("customers.privacy");
  const tc = useTranslations("common");
  const { state, dispatch, onSubmit, pending, message } = useActionForm(setConsentAction.bind(null, customerId));
  const [chosen, setChosen] = useState(value(consent));
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={t("consentForm")} className="flex min-w-0 flex-col gap-2">
      <RadioGroup
        name="consent"
        legend={t("consentForm")}
        value={chosen}
        onChange={setChosen}
        options={[
          { value: "yes", label: t("optedIn") },
          { value: "no", label: t("optedOut"), hint: t("optedOutHint") },
          { value: "unknown", label: t("notAsked") },
        ]}
      />
      <div>
        <SubmitButton pending={pending} pendingLabel={tc("saving")} variant="secondary">
          {t("saveConsent")}
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("consentSaved")}</FormMessage> : null}
    </form>
  );
}

export function EraseCustomerForm({
  customerId,
  name,
  erased,
}: {
  customerId: string;
  name: string | null;
  erased: boolean;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(
    eraseCustomerAction.bind(null, customerId),
  );
  const t = useTranslations("customers.privacy");
  const [typed, setTyped] = useState("");
  const id = useId();
  if (state?.ok) {
    return (
      <FormMessage tone="success">
        {t("erased", {
          responses: state.data.responsesAnonymised,
          interactions: state.data.interactionsBlanked,
          cases: state.data.casesBlanked,
          audit: state.data.auditEventsRedacted,
        })}
      </FormMessage>
    );
  }
  if (erased) return null;
  return (
    <details className="rounded-md border border-red-200 bg-red-50/40 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-danger">{t("eraseSummary")}</summary>
      <form action={dispatch} onSubmit={onSubmit} aria-label={t("eraseForm")} className="mt-3 flex flex-col gap-3">
        <p className="text-sm text-slate-800">{t.rich("eraseExplain", { b: (chunks) => <strong>{chunks}</strong> })}</p>
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-slate-800">
            {t.rich(name ? "typeNameOrErase" : "typeErase", {
              name: name ?? "",
              q: (chunks) => <q className="font-semibold">{chunks}</q>,
              kbd: (chunks) => <kbd className="font-mono font-semibold">{chunks}</kbd>,
            })}
          </label>
          <input
            id={id}
            name="confirm"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={fieldErrors?.confirm ? true : undefined}
            aria-describedby={fieldErrors?.confirm ? `${id}-error` : undefined}
            className={`${controlClass} sm:max-w-sm`}
          />
          {fieldErrors?.confirm ? (
            <p id={`${id}-error`} className="text-sm font-medium text-danger">
              {fieldErrors.confirm}
            </p>
          ) : null}
        </div>
        <div>
          <SubmitButton pending={pending} pendingLabel={t("erasing")} variant="danger">
            {t("erase")}
          </SubmitButton>
        </div>
        {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      </form>
    </details>
  );
}
