// What the import screen can import: each kind's columns (the same MappingSpec the API checks), its route and
// the words the screen uses for it.
import { CUSTOMER_SPEC, type MappingSpec } from "@/lib/import/mapping";
import { INTERACTION_SPEC } from "@/lib/import/interaction-spec";

export type ImportKindName = "customers" | "interactions";
export type KindUi = {
  label: string;
  hint: string;
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
};

export const isKind = (v: unknown): v is ImportKindName => typeof v === "string" && v in KINDS;
