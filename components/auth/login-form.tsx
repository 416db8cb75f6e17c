"use client";
// E-mail + password sign-in through next-auth's credentials provider, without a full page reload. For an
// account with two-factor on, the server answers a right password with TWO_FACTOR_CODE_REQUIRED and the
// form asks for the code (or a recovery code) as a second step, sending all three again. A throttled attempt
// names the seconds to wait, which the form counts down.
import { useEffect, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { TWO_FACTOR_CODE_REQUIRED } from "@/lib/two-factor/schema";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { buttonClass } from "../ui/button";
import { signInWaitSeconds } from "@/lib/auth/sign-in-wait";
import { safeCallbackPath } from "./safe-callback";

// The published demo login (npm start -- --demo; lib/demo/generate.ts): data, not words to translate.
const DEMO_LOGIN = { email: "admin@demo.resonance.test", password: "resonance-demo" };

export function LoginForm({
  callbackUrl,
  demoHint,
  defaultEmail,
}: {
  callbackUrl?: string;
  demoHint: boolean;
  defaultEmail?: string;
}) {
  const t = useTranslations("auth.signIn");
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
        setCodeError(t("codeMissing"));
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
        else if (askCode && !known) setCodeError(t("codeWrong"));
        else setError(known ?? t("wrongCredentials"));
        return;
      }
      router.push(safeCallbackPath(callbackUrl, window.location.origin));
      router.refresh();
    } catch {
      setError(t("unreachable"));
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
        label={t("email")}
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
        label={t("password")}
        autoComplete="current-password"
        required
        readOnly={askCode}
      />
      {askCode ? (
        <Input
          name="code"
          label={t("code")}
          hint={t("codeHint")}
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
          {waitLeft > 0 ? t("wait", { seconds: waitLeft }) : t("tryAgainNow")} {t("resetStillWorks")}
        </FormMessage>
      ) : null}
      <button type="submit" className={buttonClass("primary", "md", "w-full")} disabled={pending || waitLeft > 0}>
        {pending
          ? t("pending")
          : waitLeft > 0
            ? t("waitButton", { seconds: waitLeft })
            : askCode
              ? t("verify")
              : t("submit")}
      </button>
      {askCode ? (
        <button
          type="button"
          className={buttonClass("ghost", "sm")}
          onClick={() => (setAskCode(false), setCodeError(null))}
        >
          {t("otherAccount")}
        </button>
      ) : (
        <>
          <Link
            href={callbackUrl ? `/login/sso?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login/sso"}
            className={buttonClass("secondary", "md", "w-full")}
          >
            {t("withSso")}
          </Link>
          <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline">
            {t("forgot")}
          </Link>
        </>
      )}
      {demoHint ? (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900">
          {t("demo")} <span className="font-mono">{DEMO_LOGIN.email}</span> /{" "}
          <span className="font-mono">{DEMO_LOGIN.password}</span>
        </p>
      ) : null}
    </form>
  );
}
