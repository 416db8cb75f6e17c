// The language of this request's page, looked up once per request (React's cache): the signed-in user's saved
// choice, else the language cookie, else Accept-Language, else English (negotiate.ts).
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { currentSession } from "../auth/ctx";
import { getUserLocale } from "../users/service";
import { LOCALE_COOKIE, type AppLocale } from "./config";
import { pickLocale } from "./negotiate";

export const requestLocale = cache(async (): Promise<AppLocale> => {
  const [jar, hdrs, session] = await Promise.all([cookies(), headers(), currentSession()]);
  const userLocale = session ? await getUserLocale(session.userId) : null;
  return pickLocale({
    userLocale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: hdrs.get("accept-language"),
  });
});
