// One zod issue as a field error in another language, by its code ("Pflichtfeld", "Geben Sie höchstens 120 Zeichen
// ein"): the schema's own English message is not translated, the rule it states is. Used by server actions
// (action-errors.ts), by forms that check in the browser before they send (components/journey-editor/api.ts), by
// a service's field error that carries its catalogue message (lib/errors.ts InvalidParam `message`:
// `fieldIssueParamMessage`) and by the pages' filters (lib/i18n/server.ts `getIssueWording`).
// Pure, and light enough for the browser: the translator comes from the caller.
import type { z } from "zod";
import type { Messages } from "./catalogues";
import { matchServiceReason, type ServiceReasonT } from "./service-reasons";

export type FieldErrorKey = keyof Messages["errors"]["field"];
type Values = { min?: number; max?: number };
/** A translator of `errors.field` (next-intl's, narrowed to what this needs). */
export type FieldErrorT = (key: FieldErrorKey, values?: Values) => string;

/** The `errors.field` message that names `issue`'s rule, and its values. */
export function fieldIssueKey(issue: z.core.$ZodIssue): { key: FieldErrorKey; values?: Values } {
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? { key: "required" } : { key: "tooShort", values: { min } };
      if (issue.origin === "number" || issue.origin === "int") return { key: "tooSmall", values: { min } };
      return { key: "required" };
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { key: "tooLong", values: { max } };
      if (issue.origin === "number" || issue.origin === "int") return { key: "tooBig", values: { max } };
      return { key: "invalid" };
    }
    case "invalid_format":
      if (issue.format === "email") return { key: "email" };
      if (issue.format === "url") return { key: "url" };
      if (issue.format === "date" || issue.format === "datetime") return { key: "date" };
      return { key: "invalid" };
    case "invalid_type":
      if (issue.input === undefined || issue.input === "") return { key: "required" };
      if (issue.expected === "number" || issue.expected === "int") return { key: "number" };
      if (issue.expected === "date") return { key: "date" };
      return { key: "invalid" };
    case "invalid_value":
      return { key: "choice" };
    default:
      return { key: "invalid" };
  }
}

export function fieldIssueMessage(t: FieldErrorT, issue: z.core.$ZodIssue): string {
  const { key, values } = fieldIssueKey(issue);
  return t(key, values);
}

/** `issue`'s rule as an InvalidParam's catalogue message (its full key), for a service's field error. */
export function fieldIssueParamMessage(issue: z.core.$ZodIssue): { key: string; values?: Values } {
  const { key, values } = fieldIssueKey(issue);
  return values ? { key: `errors.field.${key}`, values } : { key: `errors.field.${key}` };
}

/** Names a zod issue in the page's language (a page's filter errors: parseFilterParams, parseFiltersLeniently). */
export type IssueWording = (issue: z.core.$ZodIssue) => string;

/**
 * A zod issue in another language: the schema's own sentence when the table words it ("The end date is before the
 * start date", service-reasons.ts), else its rule by its code (zod's own English included: the code says it better).
 */
export function issueWording(tf: FieldErrorT, ts: ServiceReasonT): IssueWording {
  return (issue) => {
    const m = matchServiceReason(issue.message);
    return m && !m.key.startsWith("zod.") ? ts(m.key, m.values) : fieldIssueMessage(tf, issue);
  };
}
