"use client";
// Forms for an account with two-factor on: confirm this session, new recovery codes, turn it off.
import {
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  verifySessionTwoFactorAction,
} from "@/app/_actions/two-factor";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import type { ButtonVariant } from "../ui/button";
import { useActionForm } from "../ui/use-action-form";
import { RecoveryCodesPanel } from "./recovery-codes";

const CODE_HINT = "The current code from your authenticator app, or one of your recovery codes.";

function CodeInput({ id, error }: { id: string; error?: string }) {
  return (
    <Input
      id={id}
      name="code"
      label="Code"
      hint={CODE_HINT}
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={64}
      required
      error={error}
      className="sm:w-64"
    />
  );
}

function CodeForm<T>({
  action,
  label,
  idPrefix,
  submitLabel,
  pendingLabel,
  variant,
  withPassword,
  done,
}: {
  action: (s: ActionState<T>, f: FormData) => Promise<ActionResult<T>>;
  label: string;
  idPrefix: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  withPassword?: boolean;
  done?: (data: T) => React.ReactNode;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(action);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={label}>
      {withPassword ? (
        <Input
          id={`${idPrefix}-password`}
          name="password"
          type="password"
          label="Current password"
          autoComplete="current-password"
          required
          error={fieldErrors?.password}
          className="sm:w-64"
        />
      ) : null}
      <CodeInput id={`${idPrefix}-code`} error={fieldErrors?.code} />
      <div>
        <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
          {submitLabel}
        </SubmitButton>
      </div>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok && done ? done(state.data) : null}
    </form>
  );
}

export function VerifySessionForm() {
  return (
    <CodeForm
      action={verifySessionTwoFactorAction}
      label="Confirm this session"
      idPrefix="verify"
      submitLabel="Confirm and continue"
      pendingLabel="Checking…"
    />
  );
}

export function RegenerateCodesForm({ email }: { email: string }) {
  return (
    <CodeForm
      action={regenerateRecoveryCodesAction}
      label="New recovery codes"
      idPrefix="regenerate"
      submitLabel="Make new recovery codes"
      pendingLabel="Making codes…"
      variant="secondary"
      done={(data) => <RecoveryCodesPanel codes={data.recoveryCodes} email={email} />}
    />
  );
}

export function DisableTwoFactorForm({ hasPassword }: { hasPassword: boolean }) {
  return (
    <CodeForm
      action={disableTwoFactorAction}
      label="Turn off two-factor authentication"
      idPrefix="disable"
      submitLabel="Turn off two-factor"
      pendingLabel="Turning off…"
      variant="danger"
      withPassword={hasPassword}
    />
  );
}
