// The message catalogues: one JSON file per area and language (messages/<locale>/<area>.json), so that people
// converting different areas never edit the same file. Each file is the namespace of its name: the keys of
// messages/de/customers.json are used as useTranslations("customers") / getTranslations("customers").
// Loaded statically (both languages are small, and the types come from the English files: a key used in code but
// missing from messages/en/*.json fails `tsc`, see next-intl.d.ts). docs/i18n.md.
import type { AppLocale } from "./config";
import enAccount from "../../messages/en/account.json";
import enApi from "../../messages/en/api.json";
import enAuth from "../../messages/en/auth.json";
import enCases from "../../messages/en/cases.json";
import enCommon from "../../messages/en/common.json";
import enCustomers from "../../messages/en/customers.json";
import enDashboard from "../../messages/en/dashboard.json";
import enDefaults from "../../messages/en/defaults.json";
import enEmail from "../../messages/en/email.json";
import enErrors from "../../messages/en/errors.json";
import enInteractions from "../../messages/en/interactions.json";
import enJourneys from "../../messages/en/journeys.json";
import enNav from "../../messages/en/nav.json";
import enReports from "../../messages/en/reports.json";
import enSettings from "../../messages/en/settings.json";
import enSurveys from "../../messages/en/surveys.json";
import deAccount from "../../messages/de/account.json";
import deApi from "../../messages/de/api.json";
import deAuth from "../../messages/de/auth.json";
import deCases from "../../messages/de/cases.json";
import deCommon from "../../messages/de/common.json";
import deCustomers from "../../messages/de/customers.json";
import deDashboard from "../../messages/de/dashboard.json";
import deDefaults from "../../messages/de/defaults.json";
import deEmail from "../../messages/de/email.json";
import deErrors from "../../messages/de/errors.json";
import deInteractions from "../../messages/de/interactions.json";
import deJourneys from "../../messages/de/journeys.json";
import deNav from "../../messages/de/nav.json";
import deReports from "../../messages/de/reports.json";
import deSettings from "../../messages/de/settings.json";
import deSurveys from "../../messages/de/surveys.json";

const en = {
  account: enAccount,
  api: enApi,
  auth: enAuth,
  cases: enCases,
  common: enCommon,
  customers: enCustomers,
  dashboard: enDashboard,
  defaults: enDefaults,
  email: enEmail,
  errors: enErrors,
  interactions: enInteractions,
  journeys: enJourneys,
  nav: enNav,
  reports: enReports,
  settings: enSettings,
  surveys: enSurveys,
};

/** The shape of every catalogue: the English one (the German one is checked against it, catalogues.test.ts). */
export type Messages = typeof en;
export type Area = keyof Messages;

const de: Messages = {
  account: deAccount,
  api: deApi,
  auth: deAuth,
  cases: deCases,
  common: deCommon,
  customers: deCustomers,
  dashboard: deDashboard,
  defaults: deDefaults,
  email: deEmail,
  errors: deErrors,
  interactions: deInteractions,
  journeys: deJourneys,
  nav: deNav,
  reports: deReports,
  settings: deSettings,
  surveys: deSurveys,
};

const CATALOGUES: Record<AppLocale, Messages> = { en, de };

export function messagesFor(locale: AppLocale): Messages {
  return CATALOGUES[locale];
}
