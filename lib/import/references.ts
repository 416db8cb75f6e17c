// References that an imported row names by its own words — a customer (external id, e-mail or our id), a
// touchpoint (id, "Journey / Stage / Touchpoint" or a name used once), a channel (key or name), a staff member
// (e-mail) — resolved inside the importing organization only: another organization's record is never found,
// so a row naming one is a bad row. Shared by the interaction and response import kinds.
import type { Ctx } from "../auth/ctx";
import { db } from "../db";

/** "Journey / Stage / Touchpoint" → the lookup key (case and spacing around the slashes do not matter). */
export const touchpointPath = (...names: string[]) => names.map((n) => n.trim().toLowerCase()).join(" / ");

export type TouchpointRef = { id: string; channelId: string | null };

export type Lookups = {
  touchpoints: Map<string, TouchpointRef | "ambiguous">;
  channels: Map<string, string>;
  staff: Map<string, string>;
};

export async function loadLookups(ctx: Ctx): Promise<Lookups> {
  const [touchpoints, channels, members] = await Promise.all([
    db.touchpoint.findMany({
      where: { orgId: ctx.orgId },
      select: {
        id: true,
        name: true,
        channelId: true,
        journey: { select: { name: true } },
        stage: { select: { name: true } },
      },
    }),
    db.channel.findMany({ where: { orgId: ctx.orgId }, select: { id: true, key: true, name: true } }),
    db.membership.findMany({
      where: { orgId: ctx.orgId },
      select: { userId: true, user: { select: { email: true } } },
    }),
  ]);
  const tp: Lookups["touchpoints"] = new Map();
  const add = (key: string, value: TouchpointRef) =>
    tp.set(key, tp.has(key) && tp.get(key) !== value ? "ambiguous" : value);
  for (const t of touchpoints) {
    const value = { id: t.id, channelId: t.channelId };
    tp.set(t.id, value);
    add(touchpointPath(t.journey.name, t.stage.name, t.name), value);
    add(`name:${t.name.trim().toLowerCase()}`, value); // the plain name, as the response export writes it
  }
  const channelMap = new Map<string, string>();
  for (const c of channels) channelMap.set(`name:${c.name.trim().toLowerCase()}`, c.id);
  for (const c of channels) channelMap.set(c.key.toLowerCase(), c.id);
  return {
    touchpoints: tp,
    channels: channelMap,
    staff: new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId])),
  };
}

/** A touchpoint by id, "Journey / Stage / Touchpoint" or (when `byName`) a name only one touchpoint has. */
export function findTouchpoint(lookups: Lookups, value: string, byName = false): TouchpointRef | { reason: string } {
  const key = value.includes("/") ? touchpointPath(...value.split("/")) : value;
  const found =
    lookups.touchpoints.get(key) ??
    (byName ? lookups.touchpoints.get(`name:${value.trim().toLowerCase()}`) : undefined);
  if (found === "ambiguous")
    return { reason: "Several touchpoints have this name; use the touchpoint id or Journey / Stage / Touchpoint" };
  if (!found)
    return {
      reason: `No touchpoint "${value.slice(0, 80)}" (id${byName ? ", name" : ""} or Journey / Stage / Touchpoint) in this organization`,
    };
  return found;
}

/** A channel by key (or, when `byName`, by its name). */
export function findChannel(lookups: Lookups, value: string, byName = false): string | undefined {
  return (
    lookups.channels.get(value.toLowerCase()) ??
    (byName ? lookups.channels.get(`name:${value.trim().toLowerCase()}`) : undefined)
  );
}

/** Customers of this organization named by the batch, by external id, e-mail (lower-cased) or id. */
export async function customersOf(ctx: Ctx, refs: string[]) {
  // Up to 4 parameters per reference: chunks of 200 stay under SQLite's 999 bound parameters per query.
  const found: Array<{ id: string; externalId: string | null; email: string | null }> = [];
  for (let i = 0; i < refs.length; i += 200) {
    const chunk = refs.slice(i, i + 200);
    const emails = [...new Set([...chunk, ...chunk.map((r) => r.toLowerCase())])];
    found.push(
      ...(await db.customer.findMany({
        where: {
          orgId: ctx.orgId,
          OR: [{ externalId: { in: chunk } }, { email: { in: emails } }, { id: { in: chunk } }],
        },
        select: { id: true, externalId: true, email: true },
      })),
    );
  }
  const byExternal = new Map<string, string>();
  const byEmail = new Map<string, Set<string>>();
  const byId = new Set<string>();
  for (const c of found) {
    if (c.externalId) byExternal.set(c.externalId, c.id);
    if (c.email) {
      const key = c.email.toLowerCase();
      if (!byEmail.has(key)) byEmail.set(key, new Set());
      byEmail.get(key)!.add(c.id);
    }
    byId.add(c.id);
  }
  return (value: string): { id: string } | { reason: string } => {
    const ext = byExternal.get(value);
    if (ext) return { id: ext };
    const emails = byEmail.get(value.toLowerCase());
    if (emails?.size === 1) return { id: [...emails][0] };
    if (emails && emails.size > 1)
      return { reason: `${emails.size} customers have the e-mail "${value.slice(0, 80)}"; use their external id` };
    if (byId.has(value)) return { id: value };
    return { reason: `No customer with the external id or e-mail "${value.slice(0, 80)}" in this organization` };
  };
}

/**
 * Each customer's newest imported event, applied once at the end of an import (one query per customer, not
 * per batch): the customer was last seen then, unless a later visit is already stored.
 */
export function lastSeenTracker(ctx: Ctx) {
  const newest = new Map<string, Date>();
  return {
    note(customerId: string | null, at: Date) {
      if (customerId && !(newest.get(customerId)! >= at)) newest.set(customerId, at);
    },
    async finish() {
      for (const [customerId, at] of newest) {
        await db.customer.updateMany({
          where: { id: customerId, orgId: ctx.orgId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: at } }] },
          data: { lastSeenAt: at },
        });
      }
    },
  };
}
