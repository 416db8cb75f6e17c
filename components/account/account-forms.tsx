"use client";
// The forms of the account page: name, e-mail address (a link to the new address confirms it) and password.
// Errors show next to their field; what the user typed stays when the server refuses it.
import { useTranslations } from "next-intl";
import { changePasswordAction, requestEmailChangeAction, updateProfileAction } from "@/app/_actions/account";
import { Input } from "../ui/input";
import { NewPasswordInput } from "../auth/new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

const FORM = "flex max-w-md flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

export function ProfileForm({ name }: { name: string }) {
  const t = useTranslations("account.profile");
  const tc = useTranslations("common");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateProfileAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={t("form")} className={FORM}>
      <Input
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        maxLength={120}
        defaultValue={name}
        error={fieldErrors?.name}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={tc("saving")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function EmailChangeForm({ current }: { current: string }) {
  const t = useTranslations("account.email");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(requestEmailChangeAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={t("form")} className={FORM}>
      <Input
        name="email"
        type="email"
        label={t("newAddress")}
        autoComplete="email"
        inputMode="email"
        required
        maxLength={320}
        error={fieldErrors?.email}
      />
      <Input
        name="currentPassword"
        id="email-current-password"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        error={fieldErrors?.currentPassword}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          {t.rich("sent", { sentTo: state.data.sentTo, current, b: (chunks) => <strong>{chunks}</strong> })}
        </FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("pending")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

export function PasswordChangeForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(changePasswordAction);
  const t = useTranslations("account.password");
  const ended = state?.ok ? state.data.sessionsEnded : 0;
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={t("form")} className={FORM}>
      <Input
        name="currentPassword"
        id="password-current"
        type="password"
        label={t("current")}
        autoComplete="current-password"
        required
        error={fieldErrors?.currentPassword}
      />
      <NewPasswordInput name="newPassword" label={t("new")} error={fieldErrors?.newPassword} />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("changed", { ended })}</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("pending")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
