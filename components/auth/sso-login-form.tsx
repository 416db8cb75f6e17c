// The single sign-on form: a plain POST to /api/auth/sso/start (works before JavaScript loads), which
// redirects to the identity provider. An error about the address sits under the field; others above it.
import { useTranslations } from "next-intl";
import { Input } from "../ui/input";
import { FormMessage } from "../ui/form-message";
import { buttonClass } from "../ui/button";

type Props = { email?: string; callbackUrl?: string; error?: string; fieldError: boolean };

export function SsoLoginForm({ email, callbackUrl, error, fieldError }: Props) {
  const t = useTranslations("auth.sso");
  return (
    <form method="post" action="/api/auth/sso/start" className="flex flex-col gap-4" aria-label={t("title")}>
      {error && !fieldError ? (
        <FormMessage tone="error" id="sso-error">
          {error}
        </FormMessage>
      ) : null}
      <Input
        id="sso-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        inputMode="email"
        required
        maxLength={320}
        defaultValue={email}
        autoFocus
        error={fieldError ? error : undefined}
      />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <button type="submit" className={buttonClass("primary", "md", "w-full")}>
        {t("continue")}
      </button>
    </form>
  );
}
