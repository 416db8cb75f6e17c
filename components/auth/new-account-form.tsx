"use client";
// Creates the invited person's account (server action), then signs them in with the password they chose.
import { startTransition, useActionState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import { Input } from "../ui/input";
import { NewPasswordInput } from "./new-password-input";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";

type CreateAccount = (state: ActionState<{ email: string }>, formData: FormData) => Promise<ActionResult<{ email: string }>>;

export function NewAccountForm({ email, action }: { email: string; action: CreateAccount }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionState<{ email: string }>, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    if (!result.ok) return result;
    const signedIn = await signIn("credentials", { email: result.data.email, password: String(formData.get("password") ?? ""), redirect: false });
    if (!signedIn?.ok || signedIn.error) {
      return { ok: false, message: "Your account was created, but signing in failed. Sign in with your new password." };
    }
    router.push("/");
    router.refresh();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  // Submitting through a transition keeps the typed values when the action reports an error.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col gap-4">
      <Input name="email" type="email" label="E-mail" value={email} readOnly autoComplete="username" hint="The invite is for this address." />
      <Input name="name" label="Your name" autoComplete="name" required maxLength={120} error={errors?.name} />
      <NewPasswordInput error={errors?.password} />
      {state && !state.ok && !errors ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">Account created. Signing you in…</FormMessage> : null}
      <SubmitButton pending={pending} pendingLabel="Creating your account…" className="w-full">
        Create account and join
      </SubmitButton>
    </form>
  );
}
