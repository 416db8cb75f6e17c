// An audience definition compiled to one SQL WHERE over `"Customer" c`, the same in meaning on SQLite and
// PostgreSQL (docs/distribution.md, "Audiences"), so counting 100,000 customers never loads them into memory
// (bench/audiences.ts). Tags, interactions and journeys are uncorrelated `c."id" [NOT] IN (SELECT "customerId" …)`
// sub-selects over their indexes, which both databases evaluate once (a hash or an ephemeral index) instead of
// once per customer; the rest are tests on the customer row or correlated sub-selects, placed last so they run
// only for the customers the others let through. A negated test that can be NULL (no attribute, no NPS answer)
// is written (CASE WHEN … THEN 1 ELSE 0 END) = 0, so "not a detractor" includes those with no answer.
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

/** The first subtag of a language tag (`de` of `de-ch`; the tag itself without a hyphen). */
function baseLanguage(s: Scope, tag: Prisma.Sql): Prisma.Sql {
  return s.provider === "postgresql"
    ? Prisma.sql`split_part(${tag}, '-', 1)`
    : Prisma.sql`substr(${tag}, 1, instr(${tag} || '-', '-') - 1)`;
}

/**
 * Whether the customer speaks one of the languages: their `language` attribute, else the locale of their latest
 * response with one. A code matches itself and its regions (`de` matches `de-ch`): codes without a hyphen by one IN
 * over the customer's base language, the rarer ones with a hyphen (`pt-br`) by equality or as a prefix. The latest
 * response is looked up once, by one correlated sub-select that answers the test itself, and only for customers
 * without the attribute.
 */
function speaksOneOf(s: Scope, languages: string[]): Prisma.Sql {
  const bases = languages.filter((l) => !l.includes("-"));
  const regional = languages.filter((l) => l.includes("-"));
  const matches = (tag: Prisma.Sql) => {
    const parts: Prisma.Sql[] = [];
    if (bases.length) parts.push(Prisma.sql`${baseLanguage(s, tag)} IN (${Prisma.join(bases)})`);
    if (regional.length) parts.push(Prisma.sql`${tag} IN (${Prisma.join(regional)})`);
    for (const l of regional) parts.push(Prisma.sql`${tag} LIKE ${`${l}-%`}`);
    return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
  };
  const attr =
    s.provider === "postgresql"
      ? Prisma.sql`(CASE WHEN jsonb_typeof(c."attributes" -> 'language') = 'string' THEN lower(c."attributes" ->> 'language') END)`
      : Prisma.sql`(CASE WHEN json_type(c."attributes", '$.language') = 'text' THEN lower(json_extract(c."attributes", '$.language')) END)`;
  const locale = Prisma.sql`lower(r."locale")`;
  return Prisma.sql`CASE WHEN ${attr} IS NOT NULL THEN ${matches(attr)} ELSE (SELECT ${matches(locale)} FROM "Response" r WHERE r."orgId" = ${s.orgId} AND r."customerId" = c."id" AND r."locale" IS NOT NULL ORDER BY r."submittedAt" DESC, r."id" DESC LIMIT 1) END`;
}

/** Customers given by a sub-select of ids: `c."id" IN (…)`, or NOT IN when negated (the ids are never NULL). */
const idIn = (ids: Prisma.Sql, negate?: boolean) =>
  negate ? Prisma.sql`c."id" NOT IN (${ids})` : Prisma.sql`c."id" IN (${ids})`;

/** A test on the customer row or a correlated sub-select; a negation counts NULL as "does not hold". */
const test = (cond: Prisma.Sql, negate?: boolean) =>
  negate ? Prisma.sql`(CASE WHEN ${cond} THEN 1 ELSE 0 END) = 0` : Prisma.sql`(${cond})`;

function condition(s: Scope, c: Criterion): Prisma.Sql {
  switch (c.type) {
    case "tags": {
      const tagged = Prisma.sql`SELECT t."customerId" FROM "CustomerTag" t WHERE t."orgId" = ${s.orgId} AND t."tag" IN (${Prisma.join(c.tags)})`;
      return idIn(
        c.match === "all" ? Prisma.sql`${tagged} GROUP BY t."customerId" HAVING COUNT(*) = ${c.tags.length}` : tagged,
        c.negate,
      );
    }
    case "attribute": {
      if (c.op === "range") {
        const n = attributeNumber(s, c.key);
        const parts: Prisma.Sql[] = [];
        if (c.min !== undefined) parts.push(Prisma.sql`${n} >= ${c.min}`);
        if (c.max !== undefined) parts.push(Prisma.sql`${n} <= ${c.max}`);
        return test(Prisma.join(parts, " AND "), c.negate);
      }
      const values = c.op === "equals" ? [c.value ?? ""] : (c.values ?? []);
      return test(
        Prisma.join(
          values.map((v) => attributeMatch(s, c.key, v)),
          " OR ",
        ),
        c.negate,
      );
    }
    case "language":
      return test(speaksOneOf(s, c.languages), c.negate);
    case "consent": {
      const parts = c.states.map((state) =>
        state === "given"
          ? Prisma.sql`(c."consent" IS NOT NULL AND c."consent")`
          : state === "refused"
            ? Prisma.sql`(c."consent" IS NOT NULL AND NOT c."consent")`
            : Prisma.sql`c."consent" IS NULL`,
      );
      return test(Prisma.join(parts, " OR "), c.negate);
    }
    case "interaction": {
      const parts = [Prisma.sql`i."orgId" = ${s.orgId}`, Prisma.sql`i."occurredAt" >= ${since(s, c.days)}`];
      if (c.touchpointId) parts.push(Prisma.sql`i."touchpointId" = ${c.touchpointId}`);
      if (c.outcome) parts.push(Prisma.sql`i."outcome" = ${c.outcome}`);
      return idIn(
        Prisma.sql`SELECT i."customerId" FROM "Interaction" i WHERE ${Prisma.join(parts, " AND ")}`,
        c.negate,
      );
    }
    case "lastNps":
      return test(
        Prisma.sql`(SELECT r."category" FROM "Response" r WHERE r."orgId" = ${s.orgId} AND r."customerId" = c."id" AND r."metric" = 'nps' AND r."score" IS NOT NULL ORDER BY r."submittedAt" DESC, r."id" DESC LIMIT 1) IN (${Prisma.join(c.categories)})`,
        c.negate,
      );
    case "journey": {
      const from = c.days === undefined ? null : since(s, c.days);
      const touchpoints = Prisma.sql`SELECT tp."id" FROM "Touchpoint" tp WHERE tp."orgId" = ${s.orgId} AND tp."journeyId" = ${c.journeyId}`;
      const iTime = from ? Prisma.sql` AND i."occurredAt" >= ${from}` : Prisma.empty;
      const rTime = from ? Prisma.sql` AND r."submittedAt" >= ${from}` : Prisma.empty;
      return idIn(
        Prisma.sql`SELECT i."customerId" FROM "Interaction" i WHERE i."orgId" = ${s.orgId} AND i."touchpointId" IN (${touchpoints})${iTime} UNION SELECT r."customerId" FROM "Response" r WHERE r."orgId" = ${s.orgId} AND r."customerId" IS NOT NULL AND r."touchpointId" IN (${touchpoints})${rTime}`,
        c.negate,
      );
    }
  }
}

/** Cheap and selective first: row tests, then the id sub-selects, the correlated sub-selects last. */
const ORDER: Record<Criterion["type"], number> = {
  consent: 0,
  attribute: 1,
  tags: 2,
  interaction: 3,
  journey: 4,
  language: 5,
  lastNps: 6,
};

/** WHERE over `"Customer" c`: the organization, the static list when there is one, and every criterion. */
export function audienceWhere(s: Scope, definition: AudienceDefinition | null): Prisma.Sql {
  if (!definition) return Prisma.sql`1 = 0`;
  const parts: Prisma.Sql[] = [Prisma.sql`c."orgId" = ${s.orgId}`];
  if (s.staticAudienceId)
    parts.push(
      idIn(Prisma.sql`SELECT m."customerId" FROM "AudienceMember" m WHERE m."audienceId" = ${s.staticAudienceId}`),
    );
  for (const c of [...definition.criteria].sort((a, b) => ORDER[a.type] - ORDER[b.type])) parts.push(condition(s, c));
  return Prisma.join(parts, " AND ");
}

/**
 * Why a matched customer cannot be sent an e-mail invitation, first reason wins (the preview, docs/distribution.md,
 * "Audiences"), in the order of lib/campaigns/contact-rules.ts: erased, opted out (consent refused; "not asked" may
 * be surveyed, docs/privacy.md), no e-mail, no external id (the signed link names it), a bouncing address.
 */
export const EXCLUSION_REASONS = ["erased", "opted_out", "no_email", "no_external_id", "bouncing"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export function exclusionCase(): Prisma.Sql {
  return Prisma.sql`CASE WHEN c."erasedAt" IS NOT NULL THEN 'erased' WHEN c."consent" IS NOT NULL AND NOT c."consent" THEN 'opted_out' WHEN c."email" IS NULL OR c."email" = '' THEN 'no_email' WHEN c."externalId" IS NULL OR c."externalId" = '' THEN 'no_external_id' WHEN EXISTS (SELECT 1 FROM "MailSuppression" ms WHERE ms."orgId" = c."orgId" AND ms."address" = lower(c."email")) THEN 'bouncing' ELSE 'reachable' END`;
}
