"use client";
// Forgot password (ask for a link) and the reset link's form (choose the new password).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { requestPasswordResetAction, resetPasswordAction } from "@/app/_actions/account";
import { Input } from "../ui/input";
import { NewPasswordInput } from "./new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(requestPasswordResetAction);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">
          {t.rich("sent", { email: state.data.email, b: (chunks) => <strong>{chunks}</strong> })}
        </FormMessage>
        <Link href="/login" className="text-sm font-medium text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t("form")}>
      <Input
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        inputMode="email"
        required
        autoFocus
        maxLength={320}
        error={fieldErrors?.email}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
      <Link href="/login" className="text-sm font-medium text-brand-700 underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth.reset");
  const { dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(resetPasswordAction.bind(null, token));
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t("form")}>
      <Input name="email" type="email" label={t("email")} value={email} readOnly autoComplete="username" />
      <NewPasswordInput label={t("newPassword")} autoFocus error={fieldErrors?.password} />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
