// The messages for the client components inside it, added to the ones above: the root layout hands the browser the
// shell's (SHELL_CLIENT_KEYS); a page or layout names in `keys` the subtrees its own client components use — the
// path they pass to useTranslations("<path>"). Nothing else of the catalogue goes into a page's payload.
// lib/i18n/client-messages.test.ts checks every page provides what its client components use. docs/i18n.md,
// "Messages in the browser".
import type { ReactNode } from "react";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { IntlProvider, NestedIntlProvider } from "@/components/i18n/intl-provider";
import { pickMessages, SHELL_CLIENT_KEYS } from "@/lib/i18n/pick";

export async function ClientMessages({
  keys,
  root = false,
  children,
}: {
  keys: readonly string[];
  /** The root layout's: the first provider, with the shell's messages. */
  root?: boolean;
  children: ReactNode;
}) {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  const Provider = root ? IntlProvider : NestedIntlProvider;
  return (
    <Provider
      locale={locale}
      messages={pickMessages(messages, root ? [...SHELL_CLIENT_KEYS, ...keys] : keys)}
      timeZone={timeZone}
    >
      {children}
    </Provider>
  );
}
