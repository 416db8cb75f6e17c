"use client";
// Forgot password (ask for a link) and the reset link's form (choose the new password).
import Link from "next/link";
import { requestPasswordResetAction, resetPasswordAction } from "@/app/_actions/account";
import { Input } from "../ui/input";
import { NewPasswordInput } from "./new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

export function ForgotPasswordForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(requestPasswordResetAction);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">
          If <strong>{state.data.email}</strong> belongs to an account, we have sent a link to it. It works once, for
          one hour. Nothing arrived after a few minutes? Check your spam folder, then ask again.
        </FormMessage>
        <Link href="/login" className="text-sm font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Ask for a reset link">
      <Input
        name="email"
        type="email"
        label="E-mail"
        autoComplete="username"
        inputMode="email"
        required
        autoFocus
        maxLength={320}
        error={fieldErrors?.email}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel="Sending…" className="w-full">
        Send me a reset link
      </SubmitButton>
      <Link href="/login" className="text-sm font-medium text-brand-700 underline">
        Back to sign in
      </Link>
    </form>
  );
}

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(resetPasswordAction.bind(null, token));
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Choose a new password">
      <Input name="email" type="email" label="E-mail" value={email} readOnly autoComplete="username" />
      <NewPasswordInput label="New password" autoFocus error={fieldErrors?.password} />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel="Saving…" className="w-full">
        Set new password and sign in
      </SubmitButton>
    </form>
  );
}
