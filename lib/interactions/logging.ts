// What the "log an interaction" form offers: touchpoints grouped by journey and stage, the ones this staff
// member used most in the last 90 days first, with the channel each defaults to.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { listChannels, listTouchpoints } from "../journeys/service";
import { customerScopeWhere } from "../units/scope";

const MOST_USED = 5;

export async function getLoggingOptions(ctx: Ctx) {
  const since = new Date(Date.now() - 90 * 86_400_000);
  const [touchpoints, channels, usage] = await Promise.all([
    listTouchpoints(ctx),
    listChannels(ctx),
    db.interaction.groupBy({
      by: ["touchpointId"],
      where: { orgId: ctx.orgId, staffId: ctx.userId, occurredAt: { gte: since }, touchpointId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const uses = new Map(usage.map((u) => [u.touchpointId, u._count._all]));
  const options = touchpoints.map((t) => ({
    id: t.id,
    name: t.name,
    group: `${t.journey.name} — ${t.stage.name}`,
    channelId: t.channel?.id ?? null,
    uses: uses.get(t.id) ?? 0,
  }));
  const mostUsed = options
    .filter((o) => o.uses > 0)
    .sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name))
    .slice(0, MOST_USED);
  return { touchpoints: options, mostUsed: mostUsed.map((o) => o.id), channels };
}
export type LoggingOptions = Awaited<ReturnType<typeof getLoggingOptions>>;

/**
 * The customer the form starts with (?customerId=, from a customer's page), if the caller may log for them: this
 * organization's, and for a unit-scoped member one their units can see; else the form starts empty.
 */
export async function loggableCustomer(ctx: Ctx, id: string): Promise<{ id: string; name: string | null } | null> {
  return db.customer.findFirst({
    where: { id: id.slice(0, 64), orgId: ctx.orgId, ...customerScopeWhere(ctx) },
    select: { id: true, name: true },
  });
}
