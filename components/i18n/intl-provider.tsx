"use client";
// Messages and locale for client components (useTranslations, useFormats). A client wrapper because onError and
// getMessageFallback are functions, which a server component cannot hand over (lib/i18n/fallback.ts). Rendered by
// components/i18n/client-messages.tsx: once by the root layout with the shell's messages, and by pages around their
// client components with theirs, added to the ones above (NestedIntlProvider).
import { useMemo, type ReactNode } from "react";
import { NextIntlClientProvider, useMessages } from "next-intl";
import type { AppLocale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/catalogues";
import { messageFallback, onIntlError } from "@/lib/i18n/fallback";
import { mergeMessages } from "@/lib/i18n/pick";

type Props = { locale: AppLocale; messages: Partial<Messages>; timeZone: string; children: ReactNode };

export function IntlProvider({ locale, messages, timeZone, children }: Props) {
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={messages as Messages}
      timeZone={timeZone}
      onError={onIntlError}
      getMessageFallback={messageFallback}
    >
      {children}
    </NextIntlClientProvider>
  );
}

/** An IntlProvider inside another: its messages are the ones above and these. */
export function NestedIntlProvider({ messages, ...props }: Props) {
  const above = useMessages();
  const merged = useMemo(() => mergeMessages(above, messages), [above, messages]);
  return <IntlProvider {...props} messages={merged} />;
}
