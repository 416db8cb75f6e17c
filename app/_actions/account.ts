"use server";
// The signed-in user's own account (/account), and the public steps of forgot-password and e-mail change
// links. Services: lib/account/.
import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/ctx";
import { formFields, parseWith, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { signInAs } from "@/lib/auth/session-cookie";
import { passwordSignInAllowed } from "@/lib/sso/policy";
import { trustSignInClient } from "@/lib/auth/sign-in-throttle";
import { clientIp } from "@/lib/http/client-ip";
import { AppError } from "@/lib/errors";
import { enforce, perClientLimit } from "@/lib/rate-limit/service";
import { mailConfigured } from "@/lib/mail/transport";
import {
  accountLocaleSchema,
  browserLocaleSchema,
  emailChangeSchema,
  forgotPasswordSchema,
  passwordChangeSchema,
  profileSchema,
  resetPasswordSchema,
  signOutEverywhereSchema,
} from "@/lib/account/schema";
import {
  changePassword,
  confirmEmailChange,
  endMySession,
  requestEmailChange,
  setMyLocale,
  signOutEverywhere,
  updateProfile,
  type Me,
} from "@/lib/account/service";
import { requestPasswordReset, resetPassword } from "@/lib/account/reset";
import { revalidatePath } from "next/cache";
import { rememberLocale } from "@/lib/i18n/cookie";
import type { AppLocale } from "@/lib/i18n/config";

async function requireMe(): Promise<Me> {
  const me = await currentSession();
  if (!me) redirect("/login");
  return me;
}

export async function updateProfileAction(
  _prev: ActionState<{ name: string }>,
  formData: FormData,
): Promise<ActionResult<{ name: string }>> {
  return runAction(async () => {
    const me = await requireMe();
    const input = parseWith(profileSchema, formFields(formData));
    await updateProfile(me, input);
    revalidatePath("/", "layout");
    return { name: input.name };
  });
}

export async function changePasswordAction(
  _prev: ActionState<{ sessionsEnded: number }>,
  formData: FormData,
): Promise<ActionResult<{ sessionsEnded: number }>> {
  return runAction(async () => {
    const me = await requireMe();
    const input = parseWith(passwordChangeSchema, formFields(formData));
    const result = await changePassword(me, input);
    revalidatePath("/account");
    return result;
  });
}

export async function requestEmailChangeAction(
  _prev: ActionState<{ sentTo: string }>,
  formData: FormData,
): Promise<ActionResult<{ sentTo: string }>> {
  return runAction(async () => {
    const me = await requireMe();
    const input = parseWith(emailChangeSchema, formFields(formData));
    return requestEmailChange(me, input);
  });
}

export async function endSessionAction(
  sessionId: string,
  _prev: ActionState<unknown>,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const me = await requireMe();
    await endMySession(me, sessionId);
    revalidatePath("/account");
    return { current: sessionId === me.sid };
  });
  if (result.ok && (result.data as { current: boolean }).current) redirect("/login");
  return result;
}

export async function signOutEverywhereAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const me = await requireMe();
    parseWith(signOutEverywhereSchema, formFields(formData));
    return signOutEverywhere(me);
  });
  if (result.ok) redirect("/login");
  return result;
}

/** Public: the link in the e-mail sent to the new address. */
export async function confirmEmailChangeAction(
  token: string,
  _prev: ActionState<unknown>,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(() => confirmEmailChange(token));
}

/**
 * Public: "forgot password". The same answer, at once, whatever the address: the lookup and the e-mail happen
 * after the response (next/server after()). Per client, 10 requests an hour; per address, 3 e-mails an hour.
 */
export async function requestPasswordResetAction(
  _prev: ActionState<{ email: string }>,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    if (!mailConfigured())
      throw new AppError(
        503,
        "E-mail not configured",
        "E-mail is not set up on this server, so no reset link can be sent. Ask an administrator to help.",
      );
    const { email } = parseWith(forgotPasswordSchema, formFields(formData));
    await enforce(
      perClientLimit("password-reset:client", clientIp(await headers()), { limit: 10, windowMs: 60 * 60_000 }),
    );
    after(() =>
      requestPasswordReset(email).catch((error) =>
        console.error("[account] password reset e-mail failed:", error instanceof Error ? error.message : error),
      ),
    );
    return { email };
  });
}

/**
 * Public: the reset link's form. Sets the password, ends every session, then signs this browser in — unless
 * the account has a second factor (it signs in with its code) or an organization of theirs requires single
 * sign-on (a reset must not open a way around it: lib/sso/policy.ts).
 */
export async function resetPasswordAction(
  token: string,
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const { password } = parseWith(resetPasswordSchema, formFields(formData));
    const user = await resetPassword(token, password);
    // The browser that proved the mailbox is a known client of the account from now on: its failed sign-ins
    // are forgotten and the account-wide throttle never applies to it (lib/auth/sign-in-throttle.ts).
    await trustSignInClient(user.email, Object.fromEntries(await headers()));
    const signedIn = !user.twoFactor && (await passwordSignInAllowed(user.userId));
    if (signedIn) await signInAs({ id: user.userId, email: user.email, name: user.name }, "reset");
    return { signedIn };
  });
  if (result.ok) redirect((result.data as { signedIn: boolean }).signedIn ? "/" : "/login?reset=done");
  return result;
}

/** The language picker of /account: saved on the user (every browser) and in this browser's cookie. */
export async function updateLocaleAction(
  _prev: ActionState<{ locale: AppLocale | null }>,
  formData: FormData,
): Promise<ActionResult<{ locale: AppLocale | null }>> {
  return runAction(async () => {
    const me = await requireMe();
    const { locale: choice } = parseWith(accountLocaleSchema, formFields(formData));
    const locale = choice === "browser" ? null : choice;
    await setMyLocale(me, locale);
    await rememberLocale(locale);
    revalidatePath("/", "layout");
    return { locale };
  });
}

/** The language switch of the signed-out pages (sign-in, reset, invitation): this browser's cookie only. */
export async function chooseLanguageAction(
  _prev: ActionState<{ locale: AppLocale }>,
  formData: FormData,
): Promise<ActionResult<{ locale: AppLocale }>> {
  return runAction(async () => {
    const { locale } = parseWith(browserLocaleSchema, formFields(formData));
    await rememberLocale(locale);
    revalidatePath("/", "layout");
    return { locale };
  });
}
