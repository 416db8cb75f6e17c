// A page that calls the REST API from the browser gets the problem's `detail` and `invalid_params[].reason` in
// English (the API's contract: docs/i18n.md "Errors"). This words each text a service throws in the page's
// language by the same table as the server actions (lib/i18n/service-reasons.ts); an unknown text stays as it is.
// The page provides `errors.service` (ClientMessages).
import { useCallback } from "react";
import { useLocale, useTranslations } from "next-intl";
import { translateServiceReason, type ServiceReasonT } from "@/lib/i18n/service-reasons";

export function useServiceReason(): (text: string) => string {
  const locale = useLocale();
  const t = useTranslations("errors.service") as unknown as ServiceReasonT;
  return useCallback((text: string) => (locale === "en" ? text : translateServiceReason(t, text)), [locale, t]);
}

/** Field errors ({ field: reason }) with each reason worded by `reason` (useServiceReason). */
export function localizeFields(
  fields: Record<string, string>,
  reason: (text: string) => string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, reason(text)]));
}
