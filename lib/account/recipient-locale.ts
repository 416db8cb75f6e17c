// The language of an e-mail to a person of the app: their saved User.locale, else English (a user who follows
// the browser has no language the server can know when it writes to them). docs/i18n.md, "E-mails".
import { db } from "../db";
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "../i18n/config";

export function localeOr(saved: string | null | undefined): AppLocale {
  return isAppLocale(saved) ? saved : DEFAULT_LOCALE;
}

/** The saved language of the user with this id, else English. */
export async function localeOfUser(userId: string): Promise<AppLocale> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return localeOr(u?.locale);
}

/** The saved language of the account with this (normalized) address — e.g. an invited person who has one — else English. */
export async function localeOfAddress(email: string): Promise<AppLocale> {
  const u = await db.user.findUnique({ where: { email }, select: { locale: true } });
  return localeOr(u?.locale);
}
