// Filters of the audit log (admins): one schema for GET /api/v1/audit-events, the CSV export and the
// /settings/audit page's URL. Empty values mean "not given"; dates as in the response inbox (`to` includes it).
import { z } from "zod";
import type { IssueWording } from "../i18n/field-issue";
import { blank, optionalInstant, parseFilterParams, periodInOrder } from "../http/query-fields";

const text = (max: number, pattern: RegExp, message: string) =>
  z.preprocess(blank, z.string().trim().min(1).max(max).regex(pattern, message).optional());

export const auditFilterShape = {
  /** A member's user id, or "system" for what the scheduler did. */
  actorId: text(64, /^[A-Za-z0-9_-]+$/, "Not a valid id"),
  entityType: text(64, /^[A-Za-z_]+$/, "Not an entity type"),
  action: text(80, /^[a-z_.]+$/, "Not an action (e.g. customer.erased)"),
  entityId: text(64, /^[A-Za-z0-9_-]+$/, "Not a valid id"),
  from: optionalInstant(false),
  to: optionalInstant(true),
};

export const auditFilters = z.object(auditFilterShape).superRefine(periodInOrder);
export type AuditFilters = z.output<typeof auditFilters>;

export const auditListQuery = z
  .object({
    ...auditFilterShape,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque keyset cursor from the previous page's nextCursor. */
    cursor: z.preprocess(
      blank,
      z
        .string()
        .max(200)
        .regex(/^[A-Za-z0-9_-]+$/, "Not a valid cursor")
        .optional(),
    ),
  })
  .superRefine(periodInOrder);
export type AuditListQuery = z.output<typeof auditListQuery>;

export const AUDIT_FILTER_KEYS = Object.keys(auditFilterShape) as (keyof typeof auditFilterShape)[];

/** The audit page's URL: bad values are dropped and reported per field; the rest still filters. */
export function parseAuditParams(input: Record<string, string | undefined>, word?: IssueWording) {
  return parseFilterParams(auditFilters, AUDIT_FILTER_KEYS, input, word);
}
