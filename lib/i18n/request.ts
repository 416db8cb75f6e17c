// next-intl's per-request configuration (wired in next.config.js): no locale in the URL — the language comes from
// the user, the cookie or the browser (request-locale.ts); messages from the per-area catalogues.
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./catalogues";
import { messageFallback, onIntlError } from "./fallback";
import { requestLocale } from "./request-locale";
import { SERVER_TIME_ZONE } from "./time-zone";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: SERVER_TIME_ZONE,
    onError: onIntlError,
    getMessageFallback: messageFallback,
  };
});
