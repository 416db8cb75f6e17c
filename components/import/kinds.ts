// What the import screen can import: each kind's columns (the same MappingSpec the API checks), its route and
// the words the screen uses for it.
import { CUSTOMER_SPEC, type MappingSpec } from "@/lib/import/mapping";
import { INTERACTION_SPEC } from "@/lib/import/interaction-spec";
import { responseSpec, type QuestionColumn } from "@/lib/import/response-spec";

export type ImportKindName = "customers" | "interactions" | "responses";
export type KindUi = {
  label: string;
  hint: string;
  /** For responses: the fixed columns only; the wizard adds the chosen survey's questions (responseSpec). */
  spec: MappingSpec;
  endpoint: string;
  /** Plural noun for counts: "customer(s)". */
  noun: string;
  /** Whether rows can match stored records that the user may choose to update (customers by external id). */
  onExisting: boolean;
  mappingHelp: string;
};

export const KINDS: Record<ImportKindName, KindUi> = {
  customers: {
    label: "Customers",
    hint: "People and accounts: external id, name, e-mail, tags, consent, attributes.",
    spec: CUSTOMER_SPEC,
    endpoint: "/api/v1/imports/customers",
    noun: "customer(s)",
    onExisting: true,
    mappingHelp: "Every customer needs a name. Unmapped columns can become attributes or be ignored.",
  },
  interactions: {
    label: "Interactions",
    hint: "Past calls, visits, chats… of existing customers. They appear on the customers' timelines; no cases are opened.",
    spec: INTERACTION_SPEC,
    endpoint: "/api/v1/imports/interactions",
    noun: "interaction(s)",
    onExisting: false,
    mappingHelp:
      "Every interaction needs a customer (external id or e-mail of an existing customer), when it occurred (ISO date-time such as 2026-03-14T09:30:00Z) and an outcome (resolved, follow_up, escalated, no_action). Optional: touchpoint (id or “Journey / Stage / Touchpoint”), channel key, emotion (−2..+2 or a label such as Delighted), note, staff (a member’s e-mail) and a client id: rows whose client id is already stored are skipped, so the same file can be imported twice.",
  },
  responses: {
    label: "Survey responses",
    hint: "Past answers to one survey, e.g. from another feedback tool or this survey’s export. Scores and categories count in the reports; no cases are opened.",
    spec: responseSpec([]),
    endpoint: "/api/v1/imports/responses",
    noun: "response(s)",
    onExisting: false,
    mappingHelp:
      "Every response needs when it was submitted (ISO date-time such as 2026-03-14T09:30:00Z) and at least one answer column. Answers are checked like live ones: scores within the question’s scale, options by key or label, yes/no, required questions unless Completed is false. Optional: customer (external id or e-mail of an existing customer), touchpoint (default: the survey’s), channel, locale and a client id: rows already imported are skipped, so the same file can be imported twice.",
  },
};

export const isKind = (v: unknown): v is ImportKindName => typeof v === "string" && v in KINDS;

/**
 * Where an import of `kind` goes: its columns, its route and the link after the summary. Responses go into one
 * survey: its questions are the answer columns, its id is part of the route.
 */
export function importTarget(kind: ImportKindName, survey: { id: string; columns: QuestionColumn[] } | null) {
  const ui = KINDS[kind];
  const into = kind === "responses" && survey ? survey : null;
  return {
    spec: into ? responseSpec(into.columns) : ui.spec,
    endpoint: into ? `${ui.endpoint}?surveyId=${encodeURIComponent(into.id)}` : ui.endpoint,
    back: into
      ? { href: `/surveys/responses?surveyId=${encodeURIComponent(into.id)}`, label: "See the responses in the inbox" }
      : kind === "interactions"
        ? { href: "/interactions", label: "Back to interactions" }
        : undefined,
  };
}
