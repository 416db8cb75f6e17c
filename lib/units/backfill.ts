// Attributing history to units (docs/hierarchy.md, "Backfill"): a background job (lib/jobs/runner.ts) that gives the
// rows written before the organization had units — interactions, then responses, then cases (a case follows its
// response or interaction, so those go first) — the unit the rule order of attribution.ts gives them with today's
// touchpoint units, home units and members' scopes. Only rows without a unit are touched, so running it again (or
// after a crash, from its cursor) changes nothing already attributed; rows no rule places stay without a unit.
import type { Prisma } from "../db";
import { db } from "../db";
import type { JobHandler, StepResult } from "../jobs/types";
import { attributeCases, attributeRows } from "./attribute-rows";

type Tx = Prisma.TransactionClient;
const KINDS = ["interaction", "response", "case"] as const;
type Kind = (typeof KINDS)[number];
type Cursor = { kind: Kind; after: string | null };
const BATCH = 500;

const after = (c: Cursor) => (c.after ? { id: { gt: c.after } } : {});

/** The unit of each row of one batch (null: no rule places it) and the rule that decided. */
async function batchOf(tx: Tx, orgId: string, c: Cursor) {
  const where = { orgId, unitId: null, ...after(c) };
  const page = { where, orderBy: { id: "asc" as const }, take: BATCH };
  if (c.kind === "interaction") {
    const rows = await tx.interaction.findMany({
      ...page,
      select: { id: true, touchpointId: true, customerId: true, staffId: true, source: true },
    });
    // As at write time: the staff rule for what a member logged (or an import named), never for the API.
    const units = await attributeRows(
      tx,
      orgId,
      rows.map((r) => ({
        staffUserId: r.source === "api" ? null : r.staffId,
        touchpointId: r.touchpointId,
        customerId: r.customerId,
      })),
    );
    return rows.map((r, i) => ({ id: r.id, ...units[i] }));
  }
  if (c.kind === "response") {
    const rows = await tx.response.findMany({ ...page, select: { id: true, touchpointId: true, customerId: true } });
    const units = await attributeRows(tx, orgId, rows);
    return rows.map((r, i) => ({ id: r.id, ...units[i] }));
  }
  const rows = await tx.case.findMany({
    ...page,
    select: {
      id: true,
      customerId: true,
      response: { select: { unitId: true } },
      interaction: { select: { unitId: true } },
    },
  });
  const units = await attributeCases(
    tx,
    orgId,
    rows.map((r) => ({
      sourceUnitId: r.response?.unitId ?? r.interaction?.unitId ?? null,
      customerId: r.customerId,
    })),
  );
  return rows.map((r, i) => ({ id: r.id, ...units[i] }));
}

async function setUnit(tx: Tx, kind: Kind, ids: string[], unitId: string) {
  // `unitId: null` again: a row attributed meanwhile (it cannot be, under the lease, but cheaply) is left alone.
  const where = { id: { in: ids }, unitId: null };
  if (kind === "interaction") await tx.interaction.updateMany({ where, data: { unitId } });
  else if (kind === "response") await tx.response.updateMany({ where, data: { unitId } });
  else await tx.case.updateMany({ where, data: { unitId } });
}

export async function backfillStep(tx: Tx, orgId: string, raw: unknown): Promise<StepResult> {
  const c: Cursor = (raw as Cursor | null) ?? { kind: KINDS[0], after: null };
  const rows = await batchOf(tx, orgId, c);
  const byUnit = new Map<string, string[]>();
  const counts: Record<string, number> = {};
  for (const r of rows) {
    counts[`${c.kind}s.${r.rule}`] = (counts[`${c.kind}s.${r.rule}`] ?? 0) + 1;
    if (r.unitId) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.id]);
  }
  for (const [unitId, ids] of byUnit) await setUnit(tx, c.kind, ids, unitId);
  const next = KINDS[KINDS.indexOf(c.kind) + 1];
  const last = rows.length < BATCH;
  return {
    cursor: last ? (next ? { kind: next, after: null } : c) : { kind: c.kind, after: rows.at(-1)!.id },
    examined: rows.length,
    counts,
    finished: last && !next,
  };
}

export const unitBackfill: JobHandler = {
  async total(orgId) {
    const where = { orgId, unitId: null };
    const [i, r, c] = await Promise.all([
      db.interaction.count({ where }),
      db.response.count({ where }),
      db.case.count({ where }),
    ]);
    return i + r + c;
  },
  step: (tx, job) => backfillStep(tx, job.orgId, job.cursor),
  audit: { action: "units.backfilled", entityType: "BackgroundJob" },
};
