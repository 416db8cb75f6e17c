// What Resonance writes into an organization by itself, worded in the organization's language (lib/orgs/settings.ts
// orgLocaleOf): its default channels, the QR-code channel, the default root causes, the titles of the cases its rules
// open, and the names of the starter themes when they are copied into its taxonomy. The words are in the catalogues
// (messages/<locale>/defaults.json). Written once, they are the organization's data: renaming or changing the
// language later changes nothing already written (docs/i18n.md, "The organization's language").
import { createTranslator } from "next-intl";
import { messagesFor } from "../i18n/catalogues";
import type { AppLocale } from "../i18n/config";
import type { Messages } from "../i18n/catalogues";
import { STARTER_TAXONOMY } from "../text/starter-taxonomy";

const translators = new Map<AppLocale, ReturnType<typeof translator>>();
const translator = (locale: AppLocale) =>
  createTranslator({ locale, messages: messagesFor(locale), namespace: "defaults" });
/** One translator per language, kept: it keeps the parsed messages (cases are opened on the ingestion path). */
function words(locale: AppLocale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator(locale)));
  return t;
}

type ChannelKey = keyof Messages["defaults"]["channels"];
/** The channels every organization starts with, in the order they are listed. */
export const DEFAULT_CHANNEL_KEYS = [
  "web",
  "email",
  "phone",
  "chat",
  "store",
  "mobile",
  "social",
] as const satisfies readonly ChannelKey[];

export function defaultChannels(locale: AppLocale): { key: string; name: string }[] {
  const t = words(locale);
  return DEFAULT_CHANNEL_KEYS.map((key) => ({ key, name: t(`channels.${key}`) }));
}

/** The channel the QR codes' links name (lib/journeys/qr.ts), made the first time one is printed. */
export function qrChannelName(locale: AppLocale): string {
  return words(locale)("channels.qr");
}

const ROOT_CAUSE_KEYS = [
  "productDefect",
  "billingError",
  "longWait",
  "staffBehaviour",
  "deliveryProblem",
  "policy",
  "other",
] as const satisfies readonly (keyof Messages["defaults"]["rootCauses"])[];

/** The root causes agents choose from until an organization sets its own list (lib/cases/root-causes.ts). */
export function defaultRootCauses(locale: AppLocale): string[] {
  const t = words(locale);
  return ROOT_CAUSE_KEYS.map((key) => t(`rootCauses.${key}`));
}

/** The titles of the cases the closed-loop rules open (lib/cases/rules.ts) and of the one erasure leaves. */
export function caseTitles(locale: AppLocale) {
  const t = words(locale);
  return {
    detractor: (score: number) => t("caseTitles.detractor", { score }),
    lowCsat: (score: number) => t("caseTitles.lowCsat", { score }),
    highEffort: (score: number) => t("caseTitles.highEffort", { score }),
    followUp: (note: string | null | undefined) =>
      note ? t("caseTitles.followUpNote", { note: note.slice(0, 80) }) : t("caseTitles.followUp"),
    customerErased: () => t("caseTitles.customerErased"),
    /** The note on a case whose response's score changed (its audit entry, and the resolution of one closed so). */
    scoreChanged: (from: number | null, to: number | null) =>
      t("caseNotes.scoreChanged", { from: from ?? t("caseNotes.noScore"), to: to ?? t("caseNotes.noScore") }),
    autoClosed: (scoreChanged: string) => t("caseNotes.autoClosed", { scoreChanged }),
  };
}
export type CaseTitles = ReturnType<typeof caseTitles>;

/** A starter theme's name (lib/text/starter-taxonomy.ts, by its id), or its English label when it has none here. */
export function starterThemeName(locale: AppLocale, id: string, label: string): string {
  const names = messagesFor(locale).defaults.themes as Record<string, string>;
  return names[id] ?? label;
}

/** The starter themes, key and name, in their order: an organization's themes until it has its own rows. */
export function starterThemes(locale: AppLocale): { key: string; name: string }[] {
  return STARTER_TAXONOMY.map((t) => ({ key: t.id, name: starterThemeName(locale, t.id, t.label) }));
}
