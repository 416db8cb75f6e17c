"use client";
// First-run setup: the setup token (from the link the server printed), the organization, the first admin,
// and whether to add the demo organization. Errors stay next to their field; the typed values are kept.
import { useTranslations } from "next-intl";
import { completeSetupAction } from "@/app/_actions/setup";
import { useActionForm } from "../ui/use-action-form";
import { Input } from "../ui/input";
import { NewPasswordInput } from "./new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations("auth.setup");
  const { onSubmit, dispatch, pending, fieldErrors, message } = useActionForm(completeSetupAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4">
      <Input
        name="token"
        label={t("token")}
        defaultValue={token}
        autoComplete="off"
        spellCheck={false}
        required
        hint={t("tokenHint")}
        error={fieldErrors?.token}
      />
      <Input
        name="orgName"
        label={t("organization")}
        autoComplete="organization"
        required
        maxLength={120}
        error={fieldErrors?.orgName}
      />
      <Input name="name" label={t("name")} autoComplete="name" required maxLength={120} error={fieldErrors?.name} />
      <Input
        name="email"
        type="email"
        label={t("email")}
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
            {t("demo")}
          </label>
          <p id="setup-demo-hint" className="text-sm text-slate-600">
            {t("demoHint")}
          </p>
        </div>
      </div>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
