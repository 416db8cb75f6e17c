"use client";
// Step 3 of enrolment: the code the app shows for the scanned secret. On success two-factor is on and the
// recovery codes appear (once).
import Link from "next/link";
import { enableTwoFactorAction } from "@/app/_actions/two-factor";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { buttonClass } from "../ui/button";
import { useActionForm } from "../ui/use-action-form";
import { RecoveryCodesPanel } from "./recovery-codes";

export function EnableTwoFactorForm({ pending: pendingToken, email }: { pending: string; email: string }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(enableTwoFactorAction);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">Two-factor authentication is on. From now on you sign in with your password and a code from the app.</FormMessage>
        <RecoveryCodesPanel codes={state.data.recoveryCodes} email={email} />
        <Link href="/" className={buttonClass("primary", "md", "w-full")}>
          I have saved my recovery codes — continue
        </Link>
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Turn on two-factor authentication">
      <input type="hidden" name="pending" value={pendingToken} />
      <Input
        name="code"
        label="6-digit code from the app"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 \-]*"
        maxLength={7}
        required
        error={fieldErrors?.code ?? fieldErrors?.pending}
        className="sm:w-56"
      />
      <div>
        <SubmitButton pending={pending} pendingLabel="Checking…">
          Turn on two-factor
        </SubmitButton>
      </div>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
    </form>
  );
}
