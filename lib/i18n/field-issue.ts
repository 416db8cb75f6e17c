// One zod issue as a field error in another language, by its code ("Pflichtfeld", "Geben Sie höchstens 120 Zeichen
// ein"): the schema's own English message is not translated, the rule it states is. Used by server actions
// (action-errors.ts) and by forms that check in the browser before they send (components/journey-editor/api.ts).
// Pure, and light enough for the browser: the translator comes from the caller.
import type { z } from "zod";
import type { Messages } from "./catalogues";

export type FieldErrorKey = keyof Messages["errors"]["field"];
/** A translator of `errors.field` (next-intl's, narrowed to what this needs). */
export type FieldErrorT = (key: FieldErrorKey, values?: { min?: number; max?: number }) => string;

export function fieldIssueMessage(t: FieldErrorT, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? t("required") : t("tooShort", { min });
      if (issue.origin === "number" || issue.origin === "int") return t("tooSmall", { min });
      return t("required");
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return t("tooLong", { max });
      if (issue.origin === "number" || issue.origin === "int") return t("tooBig", { max });
      return t("invalid");
    }
    case "invalid_format":
      if (issue.format === "email") return t("email");
      if (issue.format === "url") return t("url");
      if (issue.format === "date" || issue.format === "datetime") return t("date");
      return t("invalid");
    case "invalid_type":
      if (issue.input === undefined || issue.input === "") return t("required");
      if (issue.expected === "number" || issue.expected === "int") return t("number");
      if (issue.expected === "date") return t("date");
      return t("invalid");
    case "invalid_value":
      return t("choice");
    default:
      return t("invalid");
  }
}
