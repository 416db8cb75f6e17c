"use client";
// "Create your account" on the invite page. Whatever happened on the server (a new account, or the address
// already had one), the next step is the same: sign in to finish joining (lib/members/service.ts).
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
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(action);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage tone="success">
          Now sign in with {state.data.email} and your password to finish joining.
        </FormMessage>
        <LoginForm callbackUrl={callbackUrl} demoHint={false} defaultEmail={state.data.email} />
      </div>
    );
  }
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Create your account">
      <Input
        name="email"
        type="email"
        label="E-mail"
        value={email}
        readOnly
        autoComplete="username"
        hint="The invite is for this address."
      />
      <Input name="name" label="Your name" autoComplete="name" required maxLength={120} error={fieldErrors?.name} />
      <NewPasswordInput error={fieldErrors?.password} />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel="Creating your account…" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
