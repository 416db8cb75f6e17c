"use client";
// E-mail + password sign-in through next-auth's credentials provider, without a full page reload. For an
// account with two-factor on, the server answers a right password with TWO_FACTOR_CODE_REQUIRED and the
// form asks for the code (or a recovery code) as a second step, sending all three again.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { TWO_FACTOR_CODE_REQUIRED } from "@/lib/two-factor/schema";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { buttonClass } from "../ui/button";
import { safeCallbackPath } from "./safe-callback";

export function LoginForm({ callbackUrl, demoHint, defaultEmail }: { callbackUrl?: string; demoHint: boolean; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [askCode, setAskCode] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    setCodeError(null);
    try {
      const code = askCode ? String(form.get("code") ?? "").trim() : "";
      if (askCode && !code) {
        setCodeError("Enter the 6-digit code from your authenticator app, or a recovery code");
        return;
      }
      const credentials = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), ...(code ? { code } : {}) };
      const res = await signIn("credentials", { ...credentials, redirect: false });
      if (res?.error === TWO_FACTOR_CODE_REQUIRED) {
        setAskCode(true);
        return;
      }
      if (!res || res.error || !res.ok) {
        // "CredentialsSignin" is next-auth's code for wrong credentials; anything else is our lockout message.
        const known = res?.error && res.error !== "CredentialsSignin" ? res.error : null;
        if (askCode && !known) setCodeError("That code is not right. Enter the current code from your app, or an unused recovery code.");
        else setError(known ?? "Wrong e-mail or password");
        return;
      }
      router.push(safeCallbackPath(callbackUrl, window.location.origin));
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-describedby={error ? "login-error" : undefined}>
      <Input name="email" type="email" label="E-mail" autoComplete="username" inputMode="email" required defaultValue={defaultEmail} autoFocus={!defaultEmail} readOnly={askCode} />
      <Input name="password" type="password" label="Password" autoComplete="current-password" required readOnly={askCode} />
      {askCode ? (
        <Input
          name="code"
          label="Two-factor code"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          autoFocus
          error={codeError ?? undefined}
        />
      ) : null}
      {error ? (
        <FormMessage tone="error" id="login-error">
          {error}
        </FormMessage>
      ) : null}
      <button type="submit" className={buttonClass("primary", "md", "w-full")} disabled={pending}>
        {pending ? "Signing in…" : askCode ? "Verify and sign in" : "Sign in"}
      </button>
      {askCode ? (
        <button type="button" className={buttonClass("ghost", "sm")} onClick={() => (setAskCode(false), setCodeError(null))}>
          Use another account
        </button>
      ) : null}
      {demoHint ? (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
          Demo: <span className="font-mono">admin@demo.resonance.test</span> / <span className="font-mono">resonance-demo</span>
        </p>
      ) : null}
    </form>
  );
}
