// The language cookie: what a signed-out browser chose, and the last language a signed-in user saved (so the
// sign-in page after signing out keeps it). Not a secret; httpOnly all the same, nothing in the page reads it.
import { cookies, headers } from "next/headers";
import { secureCookiesFor } from "../auth/options";
import { LOCALE_COOKIE, type AppLocale } from "./config";

/** Sets the cookie to `locale`, or removes it (null: follow Accept-Language). */
export async function rememberLocale(locale: AppLocale | null): Promise<void> {
  const jar = await cookies();
  if (locale === null) {
    jar.delete(LOCALE_COOKIE);
    return;
  }
  const secure = secureCookiesFor(await headers());
  jar.set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 400 * 86_400 });
}
