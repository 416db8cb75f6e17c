// The name of a mapping target in the page's language (customers.import.wizard.mapping): the fixed fields of every
// kind by their key, a survey's answer columns as "Answer <key>: <question>" (cut at 70 characters, so the select
// stays narrow). lib/import keeps its English labels for the API's problems.
import { useTranslations } from "next-intl";
import { CUSTOMER_FIELDS, type MappingSpec } from "@/lib/import/mapping";
import { INTERACTION_FIELDS } from "@/lib/import/interaction-spec";
import { ANSWER_FIELD, RESPONSE_BASE_FIELDS, type QuestionColumn } from "@/lib/import/response-spec";

/** Every kind's fixed fields: each has its words (a field added to a kind without them fails `tsc`). */
const FIELDS: ReadonlySet<string> = new Set([...CUSTOMER_FIELDS, ...INTERACTION_FIELDS, ...RESPONSE_BASE_FIELDS]);
type Field =
  (typeof CUSTOMER_FIELDS)[number] | (typeof INTERACTION_FIELDS)[number] | (typeof RESPONSE_BASE_FIELDS)[number];
const isField = (f: string): f is Field => FIELDS.has(f);

export function useFieldLabel(spec: MappingSpec, questions: readonly QuestionColumn[] = []) {
  const t = useTranslations("customers.import.wizard.mapping");
  return (field: string): string => {
    if (isField(field)) return t(`fields.${field}`);
    const key = ANSWER_FIELD.exec(field)?.[1];
    if (key === undefined) return spec.labels[field] ?? field;
    const title = questions.find((q) => q.key === key)?.title;
    const label = title && title !== key ? t("answerTitled", { key, title }) : t("answer", { key });
    return label.length > 70 ? `${label.slice(0, 69)}…` : label;
  };
}
