"use client";
// The forms of the account page: name, e-mail address (a link to the new address confirms it) and password.
// Errors show next to their field; what the user typed stays when the server refuses it.
import { changePasswordAction, requestEmailChangeAction, updateProfileAction } from "@/app/_actions/account";
import { Input } from "../ui/input";
import { NewPasswordInput } from "../auth/new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

const FORM = "flex max-w-md flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

export function ProfileForm({ name }: { name: string }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateProfileAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label="Your name" className={FORM}>
      <Input
        name="name"
        label="Name"
        autoComplete="name"
        required
        maxLength={120}
        defaultValue={name}
        error={fieldErrors?.name}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">Saved.</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save name
        </SubmitButton>
      </div>
    </form>
  );
}

export function EmailChangeForm({ current }: { current: string }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(requestEmailChangeAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label="Change e-mail address" className={FORM}>
      <Input
        name="email"
        type="email"
        label="New e-mail address"
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
        label="Current password"
        autoComplete="current-password"
        required
        error={fieldErrors?.currentPassword}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          We sent a link to <strong>{state.data.sentTo}</strong>. Open it within 24 hours to confirm the new address;
          until then you keep signing in with {current}.
        </FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Sending link…">
          Send confirmation link
        </SubmitButton>
      </div>
    </form>
  );
}

export function PasswordChangeForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(changePasswordAction);
  const ended = state?.ok ? state.data.sessionsEnded : 0;
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label="Change password" className={FORM}>
      <Input
        name="currentPassword"
        id="password-current"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={fieldErrors?.currentPassword}
      />
      <NewPasswordInput name="newPassword" label="New password" error={fieldErrors?.newPassword} />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          Password changed.{" "}
          {ended
            ? `${ended} other signed-in browser${ended === 1 ? " was" : "s were"} signed out.`
            : "No other browser was signed in."}
        </FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
