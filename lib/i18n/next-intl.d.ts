// Types next-intl's functions by our catalogues: t("customers.nosuchkey") and useTranslations("nosuchspace") fail
// `tsc`, and locales are "en" | "de". The English catalogue is the shape (lib/i18n/catalogues.ts).
import type { AppLocale } from "./config";
import type { Messages } from "./catalogues";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
