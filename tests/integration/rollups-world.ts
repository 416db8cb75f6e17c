// The dimensions one property run of the roll-up tests writes against (rollups.test.ts, rollups-interactions.test.ts):
// fresh ones per run, so that a run may delete them.
import { db, provider, type Prisma } from "@/lib/db";
import { rollupDifferences, type RollupDifference } from "@/lib/rollups/rebuild";
import { uid } from "../factories";

/** A journey with one stage and two touchpoints (the first belongs to the first of two units), and two channels. */
export async function rollupDimensions(orgId: string) {
  const journey = await db.journey.create({ data: { orgId, name: `J ${uid()}` } });
  const stage = await db.stage.create({ data: { orgId, journeyId: journey.id, name: "S", position: 0 } });
  const unitIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const u = await db.unit.create({ data: { orgId, code: `U-${uid()}`, name: "U", path: "/" } });
    await db.unit.update({ where: { id: u.id }, data: { path: `/${u.id}/` } });
    unitIds.push(u.id);
  }
  const touchpointIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const t = await db.touchpoint.create({
      data: {
        orgId,
        journeyId: journey.id,
        stageId: stage.id,
        name: `T${i}`,
        kind: "service",
        ...(i === 0 ? { unitId: unitIds[0] } : {}),
      },
    });
    touchpointIds.push(t.id);
  }
  const channels: Array<{ id: string; key: string }> = [];
  for (let i = 0; i < 2; i++)
    channels.push(
      await db.channel.create({ data: { orgId, key: `c${uid()}`, name: "C" }, select: { id: true, key: true } }),
    );
  return {
    journeyId: journey.id,
    stageId: stage.id,
    unitIds,
    touchpointIds,
    channels,
    channelIds: channels.map((c) => c.id),
  };
}

/** The i-th of a list, or null past its end (a generated index one past the list means "none"). */
export const pick = <T>(list: readonly T[], i: number): T | null => (i < list.length ? list[i] : null);

/** How often each kind of write took effect over all runs (the sequences must reach every path). */
export function coverage() {
  const effective = new Map<string, number>();
  return {
    tally: (kind: string) => effective.set(kind, (effective.get(kind) ?? 0) + 1),
    kinds: () => [...effective.keys()].sort(),
  };
}

/**
 * The roll-up differences after `write`, run with one trigger dropped, in a transaction that is rolled back (DDL is
 * transactional on both databases): what the property would see if that trigger were missing.
 */
export async function differencesWithout(
  trigger: { name: string; table: string },
  orgId: string,
  write: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<RollupDifference[]> {
  const ROLLBACK = new Error("rollback");
  let diff: RollupDifference[] = [];
  await db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        provider === "postgresql"
          ? `DROP TRIGGER "${trigger.name}" ON "${trigger.table}"`
          : `DROP TRIGGER "${trigger.name}"`,
      );
      await write(tx);
      diff = await rollupDifferences(orgId, tx);
      throw ROLLBACK;
    })
    .catch((e: unknown) => {
      if (e !== ROLLBACK) throw e;
    });
  return diff;
}
