// Which unit a response, interaction or case belongs to, decided when it is written (docs/hierarchy.md,
// "Attribution"). Pure: the caller loads the candidates (each with whether it is archived); the first rule that
// gives an active unit wins, and the result names the rule that decided.

/** A candidate unit: its id and whether it is archived (an archived unit is skipped). Null = no candidate. */
export type Candidate = { id: string; archived: boolean } | null | undefined;

export const ATTRIBUTION_RULES = ["explicit", "staff", "touchpoint", "customer"] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

export type AttributionInput = {
  /** 1. A unit named by the signed link or campaign the row came through (never an unsigned parameter). */
  explicit?: Candidate;
  /** 2. The scope unit of the staff member who logs an interaction themself (source "staff"). */
  staff?: Candidate;
  /** 3. The touchpoint's unit. */
  touchpoint?: Candidate;
  /** 4. The customer's home unit. */
  customer?: Candidate;
};

export type Attribution = { unitId: string; rule: AttributionRule } | { unitId: null; rule: "none" };

export function attribute(input: AttributionInput): Attribution {
  for (const rule of ATTRIBUTION_RULES) {
    const candidate = input[rule];
    if (candidate && !candidate.archived) return { unitId: candidate.id, rule };
  }
  return { unitId: null, rule: "none" };
}

/**
 * A case belongs with the response or interaction that opened it, whatever that unit's state (they were written
 * together); without one, with its customer's active home unit.
 */
export function attributeCase(input: {
  source?: { unitId: string | null } | null;
  customer?: Candidate;
}): { unitId: string; rule: "source" | "customer" } | { unitId: null; rule: "none" } {
  if (input.source?.unitId) return { unitId: input.source.unitId, rule: "source" };
  if (input.customer && !input.customer.archived) return { unitId: input.customer.id, rule: "customer" };
  return { unitId: null, rule: "none" };
}
