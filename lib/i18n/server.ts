// For server components and server actions: the request's formatters (format.ts) beside next-intl's
// getTranslations / getLocale.
import { getLocale, getTranslations } from "next-intl/server";
import { formatsFor, type Formats } from "./format";
import { issueWording, type FieldErrorT, type IssueWording } from "./field-issue";
import { translateServiceReason, type ServiceReasonT } from "./service-reasons";

export async function getFormats(): Promise<Formats> {
  return formatsFor(await getLocale());
}

/** How a page names a zod issue (its filters' errors): undefined in English (the schema's own message shows). */
export async function getIssueWording(): Promise<IssueWording | undefined> {
  if ((await getLocale()) === "en") return undefined;
  const [tf, ts] = await Promise.all([getTranslations("errors.field"), getTranslations("errors.service")]);
  return issueWording(tf as FieldErrorT, ts as unknown as ServiceReasonT);
}

/**
 * A server component's useServiceReason (components/i18n/use-service-reason.ts): an English text of the table
 * (service-reasons.ts: a service's, a schema's, zod's own) in the page's language; an unknown one as it is.
 */
export async function getServiceReason(): Promise<(text: string) => string> {
  if ((await getLocale()) === "en") return (text) => text;
  const ts = (await getTranslations("errors.service")) as unknown as ServiceReasonT;
  return (text) => translateServiceReason(ts, text);
}
