// Closed loop: rules per organization that open a follow-up case when a response or an interaction calls
// for one. Defaults: an NPS detractor (0–6), CSAT ≤ 2, CES ≤ 3, or an interaction marked "follow-up needed".
// Each rule fires exactly once per triggering event: the case's (orgId, triggerKey) is unique and the case
// is written in the same transaction as the response or interaction that triggered it.
// Owner: the chosen person, or the agent with the fewest open cases (ties: who joined first) — of those who can open
// the case (docs/hierarchy.md, "Scoped access: responses, interactions and cases").
import { z } from "zod";
import type { Prisma } from "../generated/sqlite/client";
import type { db } from "../db";
import { enqueueCaseEvents } from "../webhooks/outbox";
import { attributeCases } from "../units/attribute-rows";
import { recordAudit } from "../audit/service";
import { DEFAULT_LOCALE } from "../i18n/config";
import { caseTitles, type CaseTitles } from "../orgs/defaults";
import { orgLocaleOf } from "../orgs/settings";

type Tx = Prisma.TransactionClient | typeof db;

export const caseRulesSchema = z.object({
  nps: z
    .object({ enabled: z.boolean().default(true), maxScore: z.number().int().min(0).max(10).default(6) })
    .default({ enabled: true, maxScore: 6 }),
  csat: z
    .object({ enabled: z.boolean().default(true), maxScore: z.number().int().min(1).max(5).default(2) })
    .default({ enabled: true, maxScore: 2 }),
  ces: z
    .object({ enabled: z.boolean().default(true), maxScore: z.number().int().min(1).max(7).default(3) })
    .default({ enabled: true, maxScore: 3 }),
  interactionFollowUp: z.boolean().default(true),
  dueHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  assignTo: z.string().min(1).max(64).nullable().default(null),
});
export type CaseRules = z.infer<typeof caseRulesSchema>;

export function caseRulesFrom(settings: unknown): CaseRules {
  const raw = (settings as { caseRules?: unknown } | null)?.caseRules ?? {};
  const parsed = caseRulesSchema.safeParse(raw);
  return parsed.success ? parsed.data : caseRulesSchema.parse({});
}

type ResponseEvent = {
  id: string;
  orgId: string;
  customerId: string | null;
  /** The response's unit: the case belongs there too (docs/hierarchy.md, "Attribution"). */
  unitId: string | null;
  metric: string | null;
  score: number | null;
  comment?: string | null;
};
type InteractionEvent = {
  id: string;
  orgId: string;
  customerId: string;
  unitId: string | null;
  outcome: string;
  note?: string | null;
};

/** Which rule a response triggers, if any (pure). */
export function responseTrigger(
  rules: CaseRules,
  r: Pick<ResponseEvent, "metric" | "score">,
  titles: CaseTitles = caseTitles(DEFAULT_LOCALE),
): { key: string; title: string } | null {
  if (r.score === null || r.score === undefined) return null;
  const m = r.metric;
  if (m === "nps" && rules.nps.enabled && r.score <= rules.nps.maxScore)
    return { key: "detractor", title: titles.detractor(r.score) };
  if (m === "csat" && rules.csat.enabled && r.score <= rules.csat.maxScore)
    return { key: "low-csat", title: titles.lowCsat(r.score) };
  if (m === "ces" && rules.ces.enabled && r.score <= rules.ces.maxScore)
    return { key: "high-effort", title: titles.highEffort(r.score) };
  return null;
}

/**
 * Whether a member scoped to the unit with `scopePath` (null: the whole organization) can open a case of the unit
 * with `casePath` (null: a case without a unit). A unit's subtree is every unit whose path starts with its path
 * (docs/hierarchy.md, "Model: a materialized path").
 */
export const scopeIncludes = (scopePath: string | null, casePath: string | null) =>
  scopePath === null || (casePath !== null && casePath.startsWith(scopePath));

/** The paths of the units of new cases, by id. */
async function unitPaths(tx: Tx, orgId: string, unitIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds.filter((u): u is string => !!u))];
  if (ids.length === 0) return new Map();
  const units = await tx.unit.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, path: true } });
  return new Map(units.map((u) => [u.id, u.path]));
}

/**
 * Picks owners for new cases: the chosen person when set and still a member, otherwise the agent with the
 * fewest open cases (ties: who joined first); either only if their scope includes the case's unit (`casePath`), so
 * that no case goes to someone who cannot open it (none fits: unassigned). The picker counts its own picks, so that
 * many cases opened in one transaction are spread round-robin too.
 */
async function ownerPicker(
  tx: Tx,
  orgId: string,
  rules: CaseRules,
): Promise<(casePath: string | null) => string | null> {
  const chosen = rules.assignTo
    ? await tx.membership.findUnique({
        where: { orgId_userId: { orgId, userId: rules.assignTo } },
        select: { userId: true, suspendedAt: true, unit: { select: { path: true } } },
      })
    : null;
  const agents = await tx.membership.findMany({
    where: { orgId, role: "agent", suspendedAt: null },
    orderBy: { createdAt: "asc" },
    select: { userId: true, unit: { select: { path: true } } },
  });
  const load = agents.length
    ? await tx.case.groupBy({
        by: ["ownerId"],
        where: { orgId, status: { not: "resolved" }, ownerId: { in: agents.map((a) => a.userId) } },
        _count: { _all: true },
      })
    : [];
  const open = new Map(load.map((l) => [l.ownerId, l._count._all]));
  return (casePath) => {
    if (chosen && !chosen.suspendedAt && scopeIncludes(chosen.unit?.path ?? null, casePath)) return chosen.userId;
    const eligible = agents.filter((a) => scopeIncludes(a.unit?.path ?? null, casePath));
    if (eligible.length === 0) return null;
    const best = eligible.reduce(
      (b, a) => ((open.get(a.userId) ?? 0) < (open.get(b.userId) ?? 0) ? a : b),
      eligible[0],
    ).userId;
    open.set(best, (open.get(best) ?? 0) + 1);
    return best;
  };
}

/** The owner of one new (or reopened) case of `unitId`. */
async function ownerFor(tx: Tx, orgId: string, rules: CaseRules, unitId: string | null): Promise<string | null> {
  const pick = await ownerPicker(tx, orgId, rules);
  return pick(unitId ? ((await unitPaths(tx, orgId, [unitId])).get(unitId) ?? null) : null);
}

/** The organization's rules, and the words of what they write in its language (lib/orgs/defaults.ts). */
async function rulesOf(tx: Tx, orgId: string): Promise<CaseRules & { titles: CaseTitles }> {
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  return { ...caseRulesFrom(org?.settings), titles: caseTitles(orgLocaleOf(org?.settings)) };
}

async function openCase(
  tx: Tx,
  rules: CaseRules,
  orgId: string,
  triggerKey: string,
  data: {
    title: string;
    customerId: string | null;
    sourceUnitId: string | null;
    responseId?: string;
    interactionId?: string;
  },
) {
  const existing = await tx.case.findUnique({
    where: { orgId_triggerKey: { orgId, triggerKey } },
    select: { id: true },
  });
  if (existing) return null;
  const [{ unitId }] = await attributeCases(tx, orgId, [data]);
  const created = await tx.case.create({
    data: {
      orgId,
      triggerKey,
      title: data.title,
      customerId: data.customerId,
      unitId,
      responseId: data.responseId,
      interactionId: data.interactionId,
      ownerId: await ownerFor(tx, orgId, rules, unitId),
      dueAt: new Date(Date.now() + rules.dueHours * 3_600_000),
    },
  });
  await enqueueCaseEvents(tx, "case.opened", [created]);
  return created;
}

/** Call inside the transaction that stores or completes the response. */
export async function openCaseForResponse(tx: Tx, r: ResponseEvent) {
  const rules = await rulesOf(tx, r.orgId);
  const trigger = responseTrigger(rules, r, rules.titles);
  if (!trigger) return null;
  return openCase(tx, rules, r.orgId, `${trigger.key}:${r.id}`, {
    title: trigger.title,
    customerId: r.customerId,
    sourceUnitId: r.unitId,
    responseId: r.id,
  });
}

/** Call inside the transaction that stores the interaction. */
export async function openCaseForInteraction(tx: Tx, i: InteractionEvent) {
  if (i.outcome !== "follow_up") return null;
  const rules = await rulesOf(tx, i.orgId);
  if (!rules.interactionFollowUp) return null;
  return openCase(tx, rules, i.orgId, `follow-up:${i.id}`, {
    title: rules.titles.followUp(i.note),
    customerId: i.customerId,
    sourceUnitId: i.unitId,
    interactionId: i.id,
  });
}

/**
 * The cases that responses created in this same transaction call for (the ingestion batch), written with one
 * insert: such a response cannot have a case yet, and its trigger key is unique should it ever be retried.
 */
export async function openCasesForNewResponses(tx: Tx, orgId: string, responses: ResponseEvent[]): Promise<number> {
  const rules = await rulesOf(tx, orgId);
  const due = responses.flatMap((r) => {
    const trigger = responseTrigger(rules, r, rules.titles);
    return trigger ? [{ r, trigger }] : [];
  });
  if (due.length === 0) return 0;
  const pick = await ownerPicker(tx, orgId, rules);
  const dueAt = new Date(Date.now() + rules.dueHours * 3_600_000);
  const units = await attributeCases(
    tx,
    orgId,
    due.map(({ r }) => ({ sourceUnitId: r.unitId, customerId: r.customerId })),
  );
  const paths = await unitPaths(
    tx,
    orgId,
    units.map((u) => u.unitId),
  );
  const created = await tx.case.createManyAndReturn({
    data: due.map(({ r, trigger }, i) => ({
      orgId,
      triggerKey: `${trigger.key}:${r.id}`,
      title: trigger.title,
      customerId: r.customerId,
      unitId: units[i].unitId,
      responseId: r.id,
      ownerId: pick(paths.get(units[i].unitId ?? "") ?? null),
      dueAt,
    })),
  });
  await enqueueCaseEvents(tx, "case.opened", created);
  return created.length;
}

/** What the system itself notes on a case (no member, no API key): never work by staff. */
export const SYSTEM_CASE_ACTIONS = ["case.auto_closed", "case.score_changed", "case.reopened"] as const;

/** The system as the actor of an audit event (no member, no API key): the case page shows it as "Automatic". */
const systemActor = (orgId: string) => ({ orgId, userId: null, apiKeyId: null });

/**
 * Whether staff have worked an open case: moved it on, set a root cause or a resolution note, or changed anything
 * through the page or the API (every such change is an audit event; the system's own are SYSTEM_CASE_ACTIONS).
 * The owner and due date the rule gave it at opening are not work.
 */
async function workedByStaff(
  tx: Tx,
  c: { id: string; orgId: string; status: string; rootCause: string | null; resolution: string | null },
): Promise<boolean> {
  if (c.status !== "open" || c.rootCause || c.resolution) return true;
  const staff = await tx.auditEvent.count({
    where: { orgId: c.orgId, entityType: "Case", entityId: c.id, action: { notIn: [...SYSTEM_CASE_ACTIONS] } },
  });
  return staff > 0;
}

/**
 * Call inside the transaction that REPLACES a stored response's headline score (a later click of an e-mail's score
 * links, or any later submit of a partial response): the response's follow-up case must reflect the current score
 * (docs/cases.md, "When the customer changes their score").
 *
 * - The new score no longer meets the rule, the case the rule opened is untouched (still open, no root cause or
 *   resolution note, no change by staff): it is resolved with a system note, audited as `case.auto_closed`.
 * - Staff have worked it: it stays as it is, with a system note (`case.score_changed`).
 * - The new score meets a rule: an open case gets the new score in its title and the note; a case resolved earlier
 *   (by the rule above or by staff) is reopened (`case.reopened`), due and owned as a new case would be; with no
 *   case at all, one is opened as for a new answer.
 */
export async function reconcileCaseForScore(tx: Tx, r: ResponseEvent, previousScore: number | null) {
  if (previousScore === r.score) return openCaseForResponse(tx, r);
  const rules = await rulesOf(tx, r.orgId);
  const trigger = responseTrigger(rules, r, rules.titles);
  // Only cases a rule opened for this response (a trigger key): one per response and rule key.
  const kase = await tx.case.findFirst({
    where: { orgId: r.orgId, responseId: r.id, triggerKey: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, orgId: true, unitId: true, status: true, rootCause: true, resolution: true, triggerKey: true },
  });
  if (!kase) {
    if (!trigger) return null;
    return openCase(tx, rules, r.orgId, `${trigger.key}:${r.id}`, {
      title: trigger.title,
      customerId: r.customerId,
      sourceUnitId: r.unitId,
      responseId: r.id,
    });
  }
  const note = rules.titles.scoreChanged(previousScore, r.score);
  const data = { from: previousScore, to: r.score, note };
  const audit = (action: string, extra: Record<string, unknown> = {}) =>
    recordAudit(
      systemActor(r.orgId),
      { action, entityType: "Case", entityId: kase.id, data: { ...data, ...extra } as Prisma.InputJsonValue },
      tx,
    );
  if (kase.status === "resolved") {
    if (!trigger) return null;
    const reopened = await tx.case.update({
      where: { id: kase.id },
      data: {
        status: "open",
        title: trigger.title,
        resolvedAt: null,
        ownerId: await ownerFor(tx, r.orgId, rules, kase.unitId),
        dueAt: new Date(Date.now() + rules.dueHours * 3_600_000),
      },
    });
    await audit("case.reopened");
    await enqueueCaseEvents(tx, "case.opened", [reopened]);
    return reopened;
  }
  if (trigger) {
    await tx.case.update({ where: { id: kase.id }, data: { title: trigger.title } });
    await audit("case.score_changed");
    return null;
  }
  if (await workedByStaff(tx, kase)) {
    await audit("case.score_changed", { kept: true });
    return null;
  }
  const closed = await tx.case.update({
    where: { id: kase.id },
    data: {
      status: "resolved",
      resolvedAt: new Date(),
      resolution: rules.titles.autoClosed(note),
    },
  });
  await audit("case.auto_closed");
  await enqueueCaseEvents(tx, "case.resolved", [closed]);
  return null;
}
