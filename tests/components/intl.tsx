// Component tests render with the app's real catalogues and the same missing-key behaviour as the app (outside
// production a missing key throws: lib/i18n/fallback.ts). `render` is Testing Library's, wrapped in the provider;
// `withIntl` wraps an element for renderToStaticMarkup.
import type { ReactElement, ReactNode } from "react";
import { render as rtlRender, type RenderOptions } from "@testing-library/react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { messagesFor } from "@/lib/i18n/catalogues";
import type { AppLocale } from "@/lib/i18n/config";

export function withIntl(node: ReactNode, locale: AppLocale = "en"): ReactElement {
  return (
    <IntlProvider locale={locale} messages={messagesFor(locale)} timeZone="UTC">
      {node}
    </IntlProvider>
  );
}

export function render(ui: ReactElement, options: RenderOptions & { locale?: AppLocale } = {}) {
  const { locale = "en", ...rest } = options;
  return rtlRender(ui, { wrapper: ({ children }) => withIntl(children, locale), ...rest });
}
