"use client";
// Create an API key: the full key is shown exactly once.
import { useEffect, useRef } from "react";
import { createApiKeyAction } from "@/app/_actions/settings";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { OneTimeSecret } from "./one-time-secret";
import { ROLE_OPTIONS } from "./role-options";

export function ApiKeyForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createApiKeyAction);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <div className="flex flex-col gap-3">
      <form ref={formRef} action={dispatch} onSubmit={onSubmit} aria-label="Create an API key" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
        <Input id="key-name" name="name" label="Key name" placeholder="e.g. CRM sync" autoComplete="off" required maxLength={80} error={fieldErrors?.name} className="sm:w-72" />
        <Select id="key-role" name="role" label="Role" defaultValue="agent" options={ROLE_OPTIONS} error={fieldErrors?.role} className="sm:w-40" />
        <div className="sm:pt-6">
          <SubmitButton pending={pending} pendingLabel="Creating…">
            Create API key
          </SubmitButton>
        </div>
      </form>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        <OneTimeSecret id="new-api-key" label={`API key “${state.data.name}”`} value={state.data.key}>
          <p>
            <strong>Copy this key now: it will not be shown again.</strong> Store it in your integration&apos;s secret store and send it as{" "}
            <code className="font-mono">Authorization: Bearer …</code>.
          </p>
        </OneTimeSecret>
      ) : null}
    </div>
  );
}
