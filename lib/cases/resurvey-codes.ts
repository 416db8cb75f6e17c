// The codes of why a re-survey was not e-mailed (lib/cases/resurvey.ts stores them with the outcome): pure, so that
// the pages' components can word them (components/cases/resurvey-result.tsx) without the service's imports.
import type { SuppressionReason } from "../campaigns/contact-rules"; // a type only: nothing of the service is bundled
export const LINK_CODES = ["no_customer", "no_smtp", "no_email", "bouncing", "no_external_id"] as const;
export type LinkCode = (typeof LINK_CODES)[number];

export const UNAVAILABLE_CODES = [
  "opted_out",
  "erased",
  "no_survey",
  "customer_gone",
  "already_invited",
  "held_back",
] as const;
export type UnavailableCode = (typeof UNAVAILABLE_CODES)[number];

/** Why a link shown will not name its customer (added to its reason). */
export const UNLINKED_CODES = ["no_external_id", "secret_unreadable"] as const;
export type UnlinkedCode = (typeof UNLINKED_CODES)[number];

/** The contact-rule reasons (lib/campaigns/contact-rules.ts) a held-back re-survey is worded by. */
export const HELD_BACK_RULES = [
  "recently_invited",
  "opted_out",
  "no_email",
  "no_external_id",
  "bouncing",
  "sms_stop",
  "erased",
  "quiet_hours",
] as const satisfies readonly SuppressionReason[];
export type HeldBackRule = (typeof HELD_BACK_RULES)[number];

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);
