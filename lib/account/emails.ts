// The account e-mails, in the recipient's language (their saved User.locale, else English: recipient-locale.ts).
// Each says what happened and what to do if it was not the reader's doing. The words are in messages/<locale>/
// email.json, rendered with next-intl's createTranslator (no request needed) — docs/i18n.md.
import { createTranslator } from "next-intl";
import { simpleEmail } from "../mail/html";
import { messagesFor } from "../i18n/catalogues";
import type { AppLocale } from "../i18n/config";
import { isRole, type Role } from "../auth/roles";

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "email" });
}

function base(locale: AppLocale) {
  const t = translator(locale);
  return { t, lang: locale, sign: [t("sign")] };
}

export function passwordResetEmail(link: string, locale: AppLocale = "en") {
  const { t, lang, sign } = base(locale);
  return simpleEmail({
    lang,
    subject: t("passwordReset.subject"),
    before: [t("passwordReset.intro"), t("passwordReset.validity")],
    link: { label: t("passwordReset.link"), href: link },
    after: [t("passwordReset.ignore")],
    sign,
  });
}

export function memberPasswordResetEmail(
  opts: { orgName: string; adminName: string | null; link: string },
  locale: AppLocale = "en",
) {
  const { t, lang, sign } = base(locale);
  const adminName = opts.adminName ?? t("invite.anAdmin");
  return simpleEmail({
    lang,
    subject: t("memberPasswordReset.subject"),
    before: [t("memberPasswordReset.intro", { adminName, orgName: opts.orgName }), t("memberPasswordReset.validity")],
    link: { label: t("memberPasswordReset.link"), href: opts.link },
    after: [t("memberPasswordReset.ignore")],
    sign,
  });
}

export function emailChangeEmail(link: string, locale: AppLocale = "en") {
  const { t, lang, sign } = base(locale);
  return simpleEmail({
    lang,
    subject: t("emailChange.subject"),
    before: [t("emailChange.intro")],
    link: { label: t("emailChange.link"), href: link },
    after: [t("emailChange.ignore")],
    sign,
  });
}

export function emailChangedNotice(newEmail: string, locale: AppLocale = "en") {
  const { t, lang, sign } = base(locale);
  return simpleEmail({
    lang,
    subject: t("emailChanged.subject"),
    before: [t("emailChanged.intro", { newEmail })],
    after: [t("emailChanged.ignore")],
    sign,
  });
}

export function passwordChangedNotice(locale: AppLocale = "en") {
  const { t, lang, sign } = base(locale);
  return simpleEmail({
    lang,
    subject: t("passwordChanged.subject"),
    before: [t("passwordChanged.intro")],
    after: [t("passwordChanged.ignore")],
    sign,
  });
}

export function inviteEmail(
  opts: { orgName: string; role: Role | string; inviterName: string | null; link: string; days: number },
  locale: AppLocale = "en",
) {
  const { t, lang, sign } = base(locale);
  const common = createTranslator({ locale, messages: messagesFor(locale), namespace: "common" });
  const role = isRole(opts.role) ? common(`roles.${opts.role}.inSentence`) : opts.role;
  const inviterName = opts.inviterName ?? t("invite.anAdmin");
  const vars = { inviterName, orgName: opts.orgName };
  return simpleEmail({
    lang,
    subject: t("invite.subject", vars),
    before: [t("invite.intro", { ...vars, role }), t("invite.validity", { days: opts.days })],
    link: { label: t("invite.link", vars), href: opts.link },
    after: [t("invite.ignore")],
    sign,
  });
}
