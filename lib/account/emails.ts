// The account e-mails (English, like the app's screens). Each says what happened and what to do if it was
// not the reader's doing.
import { simpleEmail } from "../mail/html";

const SIGN = ["Resonance"];

export function passwordResetEmail(link: string) {
  return simpleEmail({
    subject: "Reset your Resonance password",
    before: [
      "Someone (hopefully you) asked to reset the password of the Resonance account for this address.",
      "The link works once, for one hour.",
    ],
    link: { label: "Choose a new password", href: link },
    after: ["If you did not ask for this, ignore this e-mail: your password stays as it is."],
    sign: SIGN,
  });
}

export function memberPasswordResetEmail(opts: { orgName: string; adminName: string; link: string }) {
  return simpleEmail({
    subject: "Choose a new Resonance password",
    before: [
      `${opts.adminName}, an admin of ${opts.orgName}, sent you a link to choose a new password for your Resonance account.`,
      "The link works once, for one hour.",
    ],
    link: { label: "Choose a new password", href: opts.link },
    after: ["If you did not expect this, ignore this e-mail: your password stays as it is."],
    sign: SIGN,
  });
}

export function emailChangeEmail(link: string) {
  return simpleEmail({
    subject: "Confirm your new e-mail address for Resonance",
    before: [
      "You asked to use this address for your Resonance account. Open the link to confirm it; it works once, for 24 hours.",
    ],
    link: { label: "Confirm this address", href: link },
    after: ["If you did not ask for this, ignore this e-mail: nothing changes."],
    sign: SIGN,
  });
}

export function emailChangedNotice(newEmail: string) {
  return simpleEmail({
    subject: "Your Resonance e-mail address was changed",
    before: [
      `The e-mail address of your Resonance account was changed to ${newEmail}. You now sign in with that address.`,
    ],
    after: ["If you did not do this, contact an administrator of your organization at once."],
    sign: SIGN,
  });
}

export function passwordChangedNotice() {
  return simpleEmail({
    subject: "Your Resonance password was changed",
    before: ["The password of your Resonance account was changed, and every other signed-in browser was signed out."],
    after: [
      "If you did not do this, reset your password from the sign-in page and contact an administrator of your organization.",
    ],
    sign: SIGN,
  });
}

export function inviteEmail(opts: { orgName: string; role: string; inviterName: string; link: string; days: number }) {
  return simpleEmail({
    subject: `${opts.inviterName} invited you to ${opts.orgName} on Resonance`,
    before: [
      `${opts.inviterName} invited you to join ${opts.orgName} on Resonance as ${opts.role}.`,
      `The link works once, for ${opts.days} days.`,
    ],
    link: { label: `Join ${opts.orgName}`, href: opts.link },
    after: ["If you did not expect this, ignore this e-mail."],
    sign: SIGN,
  });
}
