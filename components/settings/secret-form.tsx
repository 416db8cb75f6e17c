"use client";
// A create form whose result is shown once (API key, SCIM token, invite link): the fields, the submit button,
// the action's error, and the result after success. The form clears itself after success.
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState, FieldErrors } from "@/lib/auth/action";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

type Props<T> = {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;
  label: string;
  submitLabel: string;
  pendingLabel?: string;
  fields: (fieldErrors: FieldErrors | undefined) => ReactNode;
  secret: (data: T) => ReactNode;
};

export function SecretForm<T>({ action, label, submitLabel, pendingLabel, fields, secret }: Props<T>) {
  const t = useTranslations("settings.secretForm");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(action);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <div className="flex flex-col gap-3">
      <form
        ref={formRef}
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={label}
        className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start"
      >
        {fields(fieldErrors)}
        <div className="sm:pt-6">
          <SubmitButton pending={pending} pendingLabel={pendingLabel ?? t("creating")}>
            {submitLabel}
          </SubmitButton>
        </div>
      </form>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? secret(state.data) : null}
    </div>
  );
}
