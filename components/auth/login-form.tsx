"use client";
// E-mail + password sign-in through next-auth's credentials provider, without a full page reload. For an
// account with two-factor on, the server answers a right password with TWO_FACTOR_CODE_REQUIRED and the
// form asks for the code (or a recovery code) as a second step, sending all three again. A throttled attempt
// names the seconds to wait, which the form counts down.
import { useEffect, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { TWO_FACTOR_CODE_REQUIRED } from "@/lib/two-factor/schema";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { buttonClass } from "../ui/button";
import { signInWaitMessage, signInWaitSeconds } from "@/lib/auth/sign-in-wait";
import { safeCallbackPath } from "./safe-callback";

export function LoginForm({
  callbackUrl,
  demoHint,
  defaultEmail,
}: {
  callbackUrl?: string;
  demoHint: boolean;
  defaultEmail?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [askCode, setAskCode] = useState(false);
  const [pending, setPending] = useState(false);
  // A throttled attempt names the seconds to wait: count them down and keep the button off meanwhile.
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const waitLeft = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;
  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waitUntil]);

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
      const credentials = {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        ...(code ? { code } : {}),
      };
      const res = await signIn("credentials", { ...credentials, redirect: false });
      if (res?.error === TWO_FACTOR_CODE_REQUIRED) {
        setAskCode(true);
        return;
      }
      if (!res || res.error || !res.ok) {
        // "CredentialsSignin" is next-auth's code for wrong credentials; anything else is our throttle message.
        const wait = signInWaitSeconds(res?.error);
        setNow(Date.now());
        setWaitUntil(wait ? Date.now() + wait * 1000 : null);
        const known = res?.error && res.error !== "CredentialsSignin" && !wait ? res.error : null;
        if (wait) setError(null);
        else if (askCode && !known)
          setCodeError("That code is not right. Enter the current code from your app, or an unused recovery code.");
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
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-describedby={error || waitUntil ? "login-error" : undefined}
    >
      <Input
        name="email"
        type="email"
        label="E-mail"
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={defaultEmail}
        autoFocus={!defaultEmail}
        readOnly={askCode}
      />
      <Input
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        readOnly={askCode}
      />
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
      {waitUntil ? (
        <FormMessage tone="error" id="login-error">
          {waitLeft > 0 ? signInWaitMessage(waitLeft) : "You can try again now."} Forgot your password? A reset link
          works even now.
        </FormMessage>
      ) : null}
      <button type="submit" className={buttonClass("primary", "md", "w-full")} disabled={pending || waitLeft > 0}>
        {pending ? "Signing in…" : waitLeft > 0 ? `Wait ${waitLeft} s` : askCode ? "Verify and sign in" : "Sign in"}
      </button>
      {askCode ? (
        <button
          type="button"
          className={buttonClass("ghost", "sm")}
          onClick={() => (setAskCode(false), setCodeError(null))}
        >
          Use another account
        </button>
      ) : (
        <>
          <Link
            href={callbackUrl ? `/login/sso?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login/sso"}
            className={buttonClass("secondary", "md", "w-full")}
          >
            Sign in with single sign-on
          </Link>
          <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline">
            Forgot your password?
          </Link>
        </>
      )}
      {demoHint ? (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
          Demo: <span className="font-mono">admin@demo.resonance.test</span> /{" "}
          <span className="font-mono">resonance-demo</span>
        </p>
      ) : null}
    </form>
  );
}
