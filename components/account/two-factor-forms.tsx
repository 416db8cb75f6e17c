"use client";
// Forms for an account with two-factor on: confirm this session, new recovery codes, turn it off.
import {
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  verifySessionTwoFactorAction,
} from "@/app/_actions/two-factor";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import type { ButtonVariant } from "../ui/button";
import { useActionForm } from "../ui/use-action-form";
import { RecoveryCodesPanel } from "./recovery-codes";

function CodeInput({ id, error }: { id: string; error?: string }) {
  const t = useTranslations("account.twoFactor");
  return (
    <Input
      id={id}
      name="code"
      label={t("code")}
      hint={t("codeHint")}
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
  const t = useTranslations("account.twoFactor");
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={label}>
      {withPassword ? (
        <Input
          id={`${idPrefix}-password`}
          name="password"
          type="password"
          label={t("currentPassword")}
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
  const t = useTranslations("account.twoFactor");
  return (
    <CodeForm
      action={verifySessionTwoFactorAction}
      label={t("verifyLabel")}
      idPrefix="verify"
      submitLabel={t("verifySubmit")}
      pendingLabel={t("checking")}
    />
  );
}

export function RegenerateCodesForm({ email }: { email: string }) {
  const t = useTranslations("account.twoFactor");
  return (
    <CodeForm
      action={regenerateRecoveryCodesAction}
      label={t("regenerateHeading")}
      idPrefix="regenerate"
      submitLabel={t("regenerateSubmit")}
      pendingLabel={t("regeneratePending")}
      variant="secondary"
      done={(data) => <RecoveryCodesPanel codes={data.recoveryCodes} email={email} />}
    />
  );
}

export function DisableTwoFactorForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("account.twoFactor");
  return (
    <CodeForm
      action={disableTwoFactorAction}
      label={t("disableHeading")}
      idPrefix="disable"
      submitLabel={t("disableSubmit")}
      pendingLabel={t("disablePending")}
      variant="danger"
      withPassword={hasPassword}
    />
  );
}
