"use client";
// "Create your account" on the invite page. Whatever happened on the server (a new account, or the address
// already had one), the next step is the same: sign in to finish joining (lib/members/service.ts).
import { useTranslations } from "next-intl";
import { useActionForm } from "../ui/use-action-form";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import { Input } from "../ui/input";
import { NewPasswordInput } from "./new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { LoginForm } from "./login-form";

type CreateAccount = (
  state: ActionState<{ email: string }>,
  formData: FormData,
) => Promise<ActionResult<{ email: string }>>;

export function NewAccountForm({
  email,
  action,
  callbackUrl,
}: {
  email: string;
  action: CreateAccount;
  callbackUrl: string;
}) {
  const t = useTranslations("auth.newAccount");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(action);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">{t("now", { email: state.data.email })}</FormMessage>
        <LoginForm callbackUrl={callbackUrl} demoHint={false} defaultEmail={state.data.email} />
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t("form")}>
      <Input
        name="email"
        type="email"
        label={t("email")}
        value={email}
        readOnly
        autoComplete="username"
        hint={t("emailHint")}
      />
      <Input name="name" label={t("name")} autoComplete="name" required maxLength={120} error={fieldErrors?.name} />
      <NewPasswordInput error={fieldErrors?.password} />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
