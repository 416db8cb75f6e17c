// What the import screen can import: each kind's columns (the same MappingSpec the API checks) and its route; the
// words the screen uses for it are in the customers catalogue (customers.import.wizard).
import { CUSTOMER_SPEC, type MappingSpec } from "@/lib/import/mapping";
import { INTERACTION_SPEC } from "@/lib/import/interaction-spec";
import { responseSpec, type QuestionColumn } from "@/lib/import/response-spec";

export type ImportKindName = "customers" | "interactions" | "responses";
/** Each kind's columns and route; its words are `customers.import.wizard.kinds.<kind>` (label, hint, mappingHelp). */
export type KindUi = {
  /** For responses: the fixed columns only; the wizard adds the chosen survey's questions (responseSpec). */
  spec: MappingSpec;
  endpoint: string;
  /** Whether rows can match stored records that the user may choose to update (customers by external id). */
  onExisting: boolean;
};

export const KINDS: Record<ImportKindName, KindUi> = {
  customers: { spec: CUSTOMER_SPEC, endpoint: "/api/v1/imports/customers", onExisting: true },
  interactions: { spec: INTERACTION_SPEC, endpoint: "/api/v1/imports/interactions", onExisting: false },
  responses: { spec: responseSpec([]), endpoint: "/api/v1/imports/responses", onExisting: false },
};

export const isKind = (v: unknown): v is ImportKindName => typeof v === "string" && v in KINDS;

/**
 * Where an import of `kind` goes: its columns, its route and the link after the summary (`label`: the key of its
 * words in `customers.import.wizard.summary.back`). Responses go into one survey: its questions are the answer
 * columns, its id is part of the route.
 */
export function importTarget(kind: ImportKindName, survey: { id: string; columns: QuestionColumn[] } | null) {
  const ui = KINDS[kind];
  const into = kind === "responses" && survey ? survey : null;
  return {
    spec: into ? responseSpec(into.columns) : ui.spec,
    endpoint: into ? `${ui.endpoint}?surveyId=${encodeURIComponent(into.id)}` : ui.endpoint,
    back: into
      ? { href: `/surveys/responses?surveyId=${encodeURIComponent(into.id)}`, label: "responses" as const }
      : kind === "interactions"
        ? { href: "/interactions", label: "interactions" as const }
        : undefined,
  };
}
