"use client";
// The interactive parts of the customer's privacy tools: the consent switch and the erasure, which asks for
// the customer's name (or ERASE) to be typed before the button does anything.
import { useId, useState } from "react";
import { eraseCustomerAction, setConsentAction } from "@/app/_actions/privacy";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { RadioGroup } from "../import/radio-group";
import { controlClass } from "../ui/field";

const value = (c: boolean | null) => (c === true ? "yes" : c === false ? "no" : "unknown");

export function ConsentForm({ customerId, consent }: { customerId: string; consent: boolean | null }) {
  const { state, dispatch, onSubmit, pending, message } = useActionForm(setConsentAction.bind(null, customerId));
  const [chosen, setChosen] = useState(value(consent));
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label="Consent to surveys" className="flex min-w-0 flex-col gap-2">
      <RadioGroup
        name="consent"
        legend="Consent to surveys"
        value={chosen}
        onChange={setChosen}
        options={[
          { value: "yes", label: "Opted in" },
          { value: "no", label: "Opted out", hint: "No survey is shown, linked or e-mailed to them." },
          { value: "unknown", label: "Not asked" },
        ]}
      />
      <div>
        <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
          Save consent
        </SubmitButton>
      </div>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">Consent saved and added to the history.</FormMessage> : null}
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
  const [typed, setTyped] = useState("");
  const id = useId();
  if (state?.ok) {
    return (
      <FormMessage tone="success">
        Erased: {state.data.responsesAnonymised} response(s) anonymised, {state.data.interactionsBlanked} interaction
        note(s) and {state.data.casesBlanked} case(s) blanked, {state.data.auditEventsRedacted} audit event(s) redacted.
      </FormMessage>
    );
  }
  if (erased) return null;
  return (
    <details className="rounded-md border border-red-200 bg-red-50/40 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-danger">Erase this customer…</summary>
      <form action={dispatch} onSubmit={onSubmit} aria-label="Erase customer" className="mt-3 flex flex-col gap-3">
        <p className="text-sm text-slate-800">
          Removes the name, e-mail, phone, external id, attributes and tags; blanks interaction notes, case notes and
          free-text answers; keeps the response scores without the link to this person.{" "}
          <strong>This cannot be undone.</strong>
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-slate-800">
            Type{" "}
            {name ? (
              <>
                <q className="font-semibold">{name}</q> or{" "}
              </>
            ) : null}
            <kbd className="font-mono font-semibold">ERASE</kbd> to confirm
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
          <SubmitButton pending={pending} pendingLabel="Erasing…" variant="danger">
            Erase customer
          </SubmitButton>
        </div>
        {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      </form>
    </details>
  );
}
