"use client";
// Messages and locale for client components (useTranslations, useFormats). Rendered once by the root layout with
// the request's catalogue; a client wrapper because onError and getMessageFallback are functions, which a server
// component cannot hand over (lib/i18n/fallback.ts).
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { AppLocale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/catalogues";
import { messageFallback, onIntlError } from "@/lib/i18n/fallback";

export function IntlProvider({
  locale,
  messages,
  timeZone,
  children,
}: {
  locale: AppLocale;
  messages: Messages;
  timeZone: string;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={messages}
      timeZone={timeZone}
      onError={onIntlError}
      getMessageFallback={messageFallback}
    >
      {children}
    </NextIntlClientProvider>
  );
}
