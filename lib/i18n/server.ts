// For server components and server actions: the request's formatters (format.ts) beside next-intl's
// getTranslations / getLocale.
import { getLocale } from "next-intl/server";
import { formatsFor, type Formats } from "./format";

export async function getFormats(): Promise<Formats> {
  return formatsFor(await getLocale());
}
