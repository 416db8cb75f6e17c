// The field where someone chooses a password: the policy's length as browser limits and its rule as the
// hint (lib/auth/password-rules.ts); the server's verdict (lib/auth/password-policy.ts) arrives as `error`.
import { useTranslations } from "next-intl";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { Input } from "../ui/input";

export function NewPasswordInput({
  error,
  name = "password",
  label,
  autoFocus,
}: {
  error?: string;
  name?: string;
  label?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("auth.password");
  return (
    <Input
      name={name}
      type="password"
      label={label ?? t("choose")}
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      hint={t("hint", { min: PASSWORD_MIN_LENGTH })}
      autoFocus={autoFocus}
      error={error}
    />
  );
}
