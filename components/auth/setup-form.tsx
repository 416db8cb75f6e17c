"use client";
// First-run setup: the setup token (from the link the server printed), the organization, the first admin,
// and whether to add the demo organization. Errors stay next to their field; the typed values are kept.
import { completeSetupAction } from "@/app/_actions/setup";
import { useActionForm } from "../ui/use-action-form";
import { Input } from "../ui/input";
import { NewPasswordInput } from "./new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";

export function SetupForm({ token }: { token: string }) {
  const { onSubmit, dispatch, pending, fieldErrors, message } = useActionForm(completeSetupAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4">
      <Input
        name="token"
        label="Setup token"
        defaultValue={token}
        autoComplete="off"
        spellCheck={false}
        required
        hint="Printed by the server when it started (“First run: open …/setup?token=…”). It proves you run this installation."
        error={fieldErrors?.token}
      />
      <Input
        name="orgName"
        label="Organization"
        autoComplete="organization"
        required
        maxLength={120}
        error={fieldErrors?.orgName}
      />
      <Input name="name" label="Your name" autoComplete="name" required maxLength={120} error={fieldErrors?.name} />
      <Input
        name="email"
        type="email"
        label="Your e-mail"
        autoComplete="username"
        inputMode="email"
        required
        maxLength={320}
        error={fieldErrors?.email}
      />
      <NewPasswordInput error={fieldErrors?.password} />
      <div className="flex items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        <input
          id="setup-demo"
          type="checkbox"
          name="demo"
          className="mt-1 size-4 shrink-0 accent-brand-600"
          aria-describedby="setup-demo-hint"
        />
        <div>
          <label htmlFor="setup-demo" className="text-sm font-medium text-slate-900">
            Also add the demo organization
          </label>
          <p id="setup-demo-hint" className="text-sm text-slate-600">
            “Northwind Telecom”: journeys, ~3,000 customers and 18 months of surveys to explore, marked as demo. You are
            its admin; its sample staff accounts cannot sign in. Takes about half a minute.
          </p>
        </div>
      </div>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton
        pending={pending}
        pendingLabel="Setting up… (the demo data takes about half a minute)"
        className="w-full"
      >
        Create admin and open Resonance
      </SubmitButton>
    </form>
  );
}
