// An audience definition compiled to one SQL WHERE over `"Customer" c`, the same in meaning on SQLite and
// PostgreSQL (docs/distribution.md, "Audiences"). Every criterion is an indexed EXISTS or a correlated sub-select
// scoped to the organization, so counting 100,000 customers never loads them into memory
// (bench/audiences.ts). Criteria are wrapped as (CASE WHEN … THEN 1 ELSE 0 END) = 1|0 so that a negation is
// exact even where the inner test is NULL (no attribute, no NPS answer).
import { Prisma } from "../db";
import type { Provider } from "../db-url";
import type { AudienceDefinition, Criterion } from "./definition";

type Scope = { orgId: string; provider: Provider; now: Date; staticAudienceId?: string };

const DAY_MS = 86_400_000;
const since = (s: Scope, days: number) => new Date(s.now.getTime() - days * DAY_MS);

/** The JSON value of one attribute: SQLite json_extract with a quoted path, PostgreSQL jsonb `->`. */
function attributeMatch(s: Scope, key: string, value: string | number | boolean): Prisma.Sql {
  if (s.provider === "postgresql")
    return Prisma.sql`c."attributes" -> ${key} = CAST(${JSON.stringify(value)} AS jsonb)`;
  const path = `$."${key}"`;
  if (typeof value === "boolean") return Prisma.sql`json_type(c."attributes", ${path}) = ${value ? "true" : "false"}`;
  if (typeof value === "number")
    return Prisma.sql`(json_type(c."attributes", ${path}) IN ('integer', 'real') AND json_extract(c."attributes", ${path}) = ${value})`;
  return Prisma.sql`(json_type(c."attributes", ${path}) = 'text' AND json_extract(c."attributes", ${path}) = ${value})`;
}

/** The attribute as a number, NULL when it is missing or not a JSON number. */
function attributeNumber(s: Scope, key: string): Prisma.Sql {
  if (s.provider === "postgresql")
    return Prisma.sql`(CASE WHEN jsonb_typeof(c."attributes" -> ${key}) = 'number' THEN CAST(c."attributes" ->> ${key} AS numeric) END)`;
  const path = `$."${key}"`;
  return Prisma.sql`(CASE WHEN json_type(c."attributes", ${path}) IN ('integer', 'real') THEN json_extract(c."attributes", ${path}) END)`;
}

/** The customer's language: the `language` attribute, else the locale of their latest response with one. */
function languageOf(s: Scope): Prisma.Sql {
  const attr =
    s.provider === "postgresql"
      ? Prisma.sql`(CASE WHEN jsonb_typeof(c."attributes" -> 'language') = 'string' THEN c."attributes" ->> 'language' END)`
      : Prisma.sql`(CASE WHEN json_type(c."attributes", '$.language') = 'text' THEN json_extract(c."attributes", '$.language') END)`;
  return Prisma.sql`lower(COALESCE(${attr}, (SELECT r."locale" FROM "Response" r WHERE r."orgId" = ${s.orgId} AND r."customerId" = c."id" AND r."locale" IS NOT NULL ORDER BY r."submittedAt" DESC, r."id" DESC LIMIT 1)))`;
}

function condition(s: Scope, c: Criterion): Prisma.Sql {
  switch (c.type) {
    case "tags": {
      const inTags = Prisma.sql`t."orgId" = ${s.orgId} AND t."customerId" = c."id" AND t."tag" IN (${Prisma.join(c.tags)})`;
      return c.match === "all"
        ? Prisma.sql`(SELECT COUNT(*) FROM "CustomerTag" t WHERE ${inTags}) = ${c.tags.length}`
        : Prisma.sql`EXISTS (SELECT 1 FROM "CustomerTag" t WHERE ${inTags})`;
    }
    case "attribute": {
      if (c.op === "range") {
        const n = attributeNumber(s, c.key);
        const parts: Prisma.Sql[] = [];
        if (c.min !== undefined) parts.push(Prisma.sql`${n} >= ${c.min}`);
        if (c.max !== undefined) parts.push(Prisma.sql`${n} <= ${c.max}`);
        return Prisma.join(parts, " AND ");
      }
      const values = c.op === "equals" ? [c.value ?? ""] : (c.values ?? []);
      return Prisma.sql`(${Prisma.join(
        values.map((v) => attributeMatch(s, c.key, v)),
        " OR ",
      )})`;
    }
    case "language": {
      const lang = languageOf(s);
      return Prisma.sql`(${Prisma.join(
        c.languages.map((l) => Prisma.sql`${lang} = ${l} OR ${lang} LIKE ${`${l}-%`}`),
        " OR ",
      )})`;
    }
    case "consent": {
      const parts = c.states.map((state) =>
        state === "given"
          ? Prisma.sql`c."consent" IS NOT NULL AND c."consent"`
          : state === "refused"
            ? Prisma.sql`c."consent" IS NOT NULL AND NOT c."consent"`
            : Prisma.sql`c."consent" IS NULL`,
      );
      return Prisma.sql`(${Prisma.join(
        parts.map((p) => Prisma.sql`(${p})`),
        " OR ",
      )})`;
    }
    case "interaction": {
      const parts = [
        Prisma.sql`i."orgId" = ${s.orgId}`,
        Prisma.sql`i."customerId" = c."id"`,
        Prisma.sql`i."occurredAt" >= ${since(s, c.days)}`,
      ];
      if (c.touchpointId) parts.push(Prisma.sql`i."touchpointId" = ${c.touchpointId}`);
      if (c.outcome) parts.push(Prisma.sql`i."outcome" = ${c.outcome}`);
      return Prisma.sql`EXISTS (SELECT 1 FROM "Interaction" i WHERE ${Prisma.join(parts, " AND ")})`;
    }
    case "lastNps":
      return Prisma.sql`(SELECT r."category" FROM "Response" r WHERE r."orgId" = ${s.orgId} AND r."customerId" = c."id" AND r."metric" = 'nps' AND r."score" IS NOT NULL ORDER BY r."submittedAt" DESC, r."id" DESC LIMIT 1) IN (${Prisma.join(c.categories)})`;
    case "journey": {
      const from = c.days === undefined ? null : since(s, c.days);
      const touchpoints = Prisma.sql`SELECT tp."id" FROM "Touchpoint" tp WHERE tp."orgId" = ${s.orgId} AND tp."journeyId" = ${c.journeyId}`;
      const iTime = from ? Prisma.sql` AND i."occurredAt" >= ${from}` : Prisma.empty;
      const rTime = from ? Prisma.sql` AND r."submittedAt" >= ${from}` : Prisma.empty;
      return Prisma.sql`(EXISTS (SELECT 1 FROM "Interaction" i WHERE i."orgId" = ${s.orgId} AND i."customerId" = c."id" AND i."touchpointId" IN (${touchpoints})${iTime}) OR EXISTS (SELECT 1 FROM "Response" r WHERE r."orgId" = ${s.orgId} AND r."customerId" = c."id" AND r."touchpointId" IN (${touchpoints})${rTime}))`;
    }
  }
}

/** WHERE over `"Customer" c`: the organization, the static list when there is one, and every criterion. */
export function audienceWhere(s: Scope, definition: AudienceDefinition | null): Prisma.Sql {
  if (!definition) return Prisma.sql`1 = 0`;
  const parts: Prisma.Sql[] = [Prisma.sql`c."orgId" = ${s.orgId}`];
  if (s.staticAudienceId)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "AudienceMember" m WHERE m."audienceId" = ${s.staticAudienceId} AND m."customerId" = c."id")`,
    );
  for (const c of definition.criteria)
    parts.push(Prisma.sql`(CASE WHEN ${condition(s, c)} THEN 1 ELSE 0 END) = ${c.negate ? 0 : 1}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Why a matched customer cannot be sent an e-mail invitation, first reason wins (docs/distribution.md,
 * "Preview"): erased, opted out (consent refused; "not asked" may be surveyed, docs/privacy.md), no e-mail.
 * Bouncing addresses join this list with the delivery increment, which records bounces.
 */
export const EXCLUSION_REASONS = ["erased", "opted_out", "no_email"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export function exclusionCase(): Prisma.Sql {
  return Prisma.sql`CASE WHEN c."erasedAt" IS NOT NULL THEN 'erased' WHEN c."consent" IS NOT NULL AND NOT c."consent" THEN 'opted_out' WHEN c."email" IS NULL OR c."email" = '' THEN 'no_email' ELSE 'reachable' END`;
}
