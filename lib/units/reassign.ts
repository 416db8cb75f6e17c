// Reassignment (docs/hierarchy.md, "Reassignment"): an admin moves responses, interactions and cases that match a
// filter — their current unit (or none), a touchpoint, a period — to another unit, in one transaction with one audit
// event naming the filter and the counts. Attribution at write time never changes history; this is the one
// deliberate way to. `dryRun` counts without changing anything.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/service";
import { checkUnitRef } from "./service";
import type { ReassignInput } from "./schema";

type Counts = { responses: number; interactions: number; cases: number };

export async function reassignRows(ctx: Ctx, input: ReassignInput): Promise<{ dryRun: boolean; counts: Counts }> {
  return db.$transaction(
    async (tx) => {
      // Where they go must take new rows; where they come from may be archived (that is often why they move).
      await checkUnitRef(tx, ctx.orgId, input.toUnitId, "toUnitId");
      if (input.fromUnitId && !(await tx.unit.findFirst({ where: { id: input.fromUnitId, orgId: ctx.orgId } })))
        throw new NotFoundError("Unit");
      if (
        input.touchpointId &&
        !(await tx.touchpoint.findFirst({ where: { id: input.touchpointId, orgId: ctx.orgId } }))
      )
        throw new NotFoundError("Touchpoint");
      // Rows already in the target are not counted as moved. (A plain NOT would leave out rows without a unit too.)
      const unit =
        input.fromUnitId !== undefined
          ? { unitId: input.fromUnitId }
          : { OR: [{ unitId: null }, { unitId: { not: input.toUnitId } }] };
      const tp = input.touchpointId ? { touchpointId: input.touchpointId } : {};
      const period = input.from || input.to ? { gte: input.from, lt: input.to } : undefined;
      const where = {
        responses: { orgId: ctx.orgId, AND: [unit], ...tp, ...(period ? { submittedAt: period } : {}) },
        interactions: { orgId: ctx.orgId, AND: [unit], ...tp, ...(period ? { occurredAt: period } : {}) },
        cases: {
          orgId: ctx.orgId,
          AND: [unit, ...(input.touchpointId ? [{ OR: [{ response: { is: tp } }, { interaction: { is: tp } }] }] : [])],
          ...(period ? { createdAt: period } : {}),
        },
      };
      const want = new Set(input.kinds);
      const data = { unitId: input.toUnitId };
      const counts: Counts = { responses: 0, interactions: 0, cases: 0 };
      if (want.has("responses"))
        counts.responses = input.dryRun
          ? await tx.response.count({ where: where.responses })
          : (await tx.response.updateMany({ where: where.responses, data })).count;
      if (want.has("interactions"))
        counts.interactions = input.dryRun
          ? await tx.interaction.count({ where: where.interactions })
          : (await tx.interaction.updateMany({ where: where.interactions, data })).count;
      if (want.has("cases"))
        counts.cases = input.dryRun
          ? await tx.case.count({ where: where.cases })
          : (await tx.case.updateMany({ where: where.cases, data })).count;
      if (!input.dryRun)
        await recordAudit(
          ctx,
          {
            action: "units.reassigned",
            entityType: "Unit",
            entityId: input.toUnitId,
            data: {
              filter: {
                fromUnitId: input.fromUnitId ?? null,
                anyUnit: input.fromUnitId === undefined,
                touchpointId: input.touchpointId ?? null,
                from: input.from?.toISOString() ?? null,
                to: input.to?.toISOString() ?? null,
                kinds: input.kinds,
              },
              counts,
            },
          },
          tx,
        );
      return { dryRun: input.dryRun, counts };
    },
    { timeout: 120_000 },
  );
}
