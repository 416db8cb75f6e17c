// Which language a request gets (pure): the signed-in user's saved choice, else the browser's — the language
// cookie, then Accept-Language matched by primary language (de-AT → de) — else English.
import { negotiateLocale } from "../surveys/locale";
import { DEFAULT_LOCALE, isAppLocale, LOCALES, type AppLocale } from "./config";

export function pickLocale(input: {
  userLocale?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): AppLocale {
  if (isAppLocale(input.userLocale)) return input.userLocale;
  if (isAppLocale(input.cookie)) return input.cookie;
  const negotiated = negotiateLocale({
    acceptLanguage: input.acceptLanguage,
    available: LOCALES,
    fallback: DEFAULT_LOCALE,
  });
  return isAppLocale(negotiated) ? negotiated : DEFAULT_LOCALE;
}
