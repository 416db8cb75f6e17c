// The formatters of the page's language (lib/i18n/format.ts), for client components and for synchronous server
// components (next-intl's useLocale works in both; async server components use getFormats(), lib/i18n/server.ts).
import { useLocale } from "next-intl";
import { formatsFor, type Formats } from "@/lib/i18n/format";

export function useFormats(): Formats {
  return formatsFor(useLocale());
}
