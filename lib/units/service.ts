// The organization's tree of units (docs/hierarchy.md, "Editing the tree"): create, rename, move with cycle
// prevention, archive (with the subtree) and restore. Every role reads; admins edit (the routes say so). Every
// change is one transaction with its audit event; tree writes of one organization are serialised so that two
// concurrent moves cannot together build a cycle. Another organization's unit is a 404.
import { db, Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { recordAudit } from "../audit/service";
import { lockOrganization } from "../org-lock";
import {
  MAX_DEPTH,
  MAX_UNITS,
  type CreateUnitInput,
  type MoveUnitInput,
  type UnitListQuery,
  type UpdateUnitInput,
} from "./schema";

type Tx = Prisma.TransactionClient;
type UnitRow = Prisma.UnitGetPayload<object>;

export function toUnitDto(u: UnitRow) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    depth: u.depth,
    /** Ancestor ids from the top down (not the unit itself). */
    ancestorIds: u.path.split("/").filter(Boolean).slice(0, -1),
    archived: u.archivedAt !== null,
    archivedAt: u.archivedAt,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}
export type UnitDto = ReturnType<typeof toUnitDto>;

/**
 * A unit named by a write (a touchpoint's or a customer's `unitId`): another organization's is a 404, as its rows
 * are; an archived one takes no new rows (docs/hierarchy.md, "History follows the unit"), a 400 naming the field.
 */
export async function checkUnitRef(
  tx: Tx | typeof db,
  orgId: string,
  unitId: string | null | undefined,
  field = "unitId",
) {
  if (!unitId) return;
  const u = await tx.unit.findFirst({ where: { id: unitId, orgId }, select: { archivedAt: true } });
  if (!u) throw new NotFoundError("Unit");
  if (u.archivedAt)
    throw new ValidationError([
      { name: field, reason: "This unit is archived; restore it or choose another", in: "body" },
    ]);
}

/** The materialized path of a unit under `parent` (null = top level). */
export const pathUnder = (parent: { path: string } | null, id: string) => `${parent ? parent.path : "/"}${id}/`;

/**
 * Serialises tree writes of one organization: on PostgreSQL the organization's row is locked until the transaction
 * ends; SQLite runs one writing transaction at a time already.
 */
export async function lockTree(tx: Tx, orgId: string): Promise<void> {
  await lockOrganization(tx, orgId);
}

/** Depth-first, siblings by name then code: the order the editor and the export show. */
export function treeOrder<T extends { id: string; parentId: string | null; name: string; code: string }>(
  units: readonly T[],
): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  for (const list of children.values())
    list.sort((a, b) => a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code, "en"));
  const out: T[] = [];
  const walk = (parent: string | null) => {
    for (const u of children.get(parent) ?? []) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

export async function listUnits(ctx: Ctx, q: UnitListQuery = { archived: true }): Promise<UnitDto[]> {
  const rows = await db.unit.findMany({
    where: { orgId: ctx.orgId, ...(q.archived ? {} : { archivedAt: null }) },
  });
  return treeOrder(rows).map(toUnitDto);
}

/** A unit to choose in a form (a touchpoint's unit, a customer's home unit): active ones, in tree order, indented. */
export type UnitOption = { id: string; label: string };
export async function unitOptions(ctx: Ctx): Promise<UnitOption[]> {
  return (await listUnits(ctx, { archived: false })).map((u) => ({
    id: u.id,
    label: `${"\u00a0\u00a0".repeat(u.depth)}${u.name} (${u.code})`,
  }));
}

async function findOwn(tx: Tx, ctx: Ctx, id: string, field?: string): Promise<UnitRow> {
  const u = await tx.unit.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!u) {
    if (field) throw new ValidationError([{ name: field, reason: "No such unit", in: "body" }]);
    throw new NotFoundError("Unit");
  }
  return u;
}

export async function getUnit(ctx: Ctx, id: string): Promise<UnitDto> {
  return toUnitDto(await findOwn(db, ctx, id));
}

/** The unit and every unit below it (active and archived). */
export function subtreeOf(tx: Tx, orgId: string, unit: { path: string }) {
  return tx.unit.findMany({ where: { orgId, path: { startsWith: unit.path } } });
}

async function activeParent(tx: Tx, ctx: Ctx, parentId: string): Promise<UnitRow> {
  const parent = await findOwn(tx, ctx, parentId, "parentId");
  if (parent.archivedAt)
    throw new ValidationError([{ name: "parentId", reason: "The parent unit is archived", in: "body" }]);
  return parent;
}

function codeTaken(): ConflictError {
  return new ConflictError("Another unit of the organization has this code.");
}

/**
 * Creates a unit inside the caller's transaction (the checks, the path and the audit event of `createUnit`). The
 * demo generator (lib/demo/hierarchy.ts) builds its tree through this within its own transaction, with ids and a
 * creation time of its own so that the demo is the same on every run.
 */
export async function createUnitIn(
  tx: Tx,
  ctx: Ctx,
  input: CreateUnitInput,
  opts: { id?: string; at?: Date } = {},
): Promise<UnitDto> {
  await lockTree(tx, ctx.orgId);
  const parent = input.parentId ? await activeParent(tx, ctx, input.parentId) : null;
  if (parent && parent.depth + 1 > MAX_DEPTH)
    throw new ValidationError([{ name: "parentId", reason: `A tree has at most ${MAX_DEPTH + 1} levels`, in: "body" }]);
  if ((await tx.unit.count({ where: { orgId: ctx.orgId } })) >= MAX_UNITS)
    throw new ConflictError(`An organization has at most ${MAX_UNITS.toLocaleString("en-US")} units.`);
  const created = await tx.unit.create({
    data: {
      ...(opts.id ? { id: opts.id } : {}),
      orgId: ctx.orgId,
      parentId: parent?.id ?? null,
      code: input.code,
      name: input.name,
      kind: input.kind ?? null,
      path: "/",
      depth: parent ? parent.depth + 1 : 0,
      ...(opts.at ? { createdAt: opts.at, updatedAt: opts.at } : {}),
    },
  });
  const unit = await tx.unit.update({
    where: { id: created.id },
    data: { path: pathUnder(parent, created.id), ...(opts.at ? { updatedAt: opts.at } : {}) },
  });
  await recordAudit(
    ctx,
    {
      action: "unit.created",
      entityType: "Unit",
      entityId: unit.id,
      data: { code: unit.code, name: unit.name, parentId: unit.parentId },
    },
    tx,
  );
  return toUnitDto(unit);
}

export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<UnitDto> {
  try {
    return await db.$transaction((tx) => createUnitIn(tx, ctx, input));
  } catch (error) {
    throw isUniqueViolation(error) ? codeTaken() : error;
  }
}

export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitInput): Promise<UnitDto> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await findOwn(tx, ctx, id);
      const unit = await tx.unit.update({
        where: { id },
        data: {
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
        },
      });
      const changed = (["code", "name", "kind"] as const).filter((k) => before[k] !== unit[k]);
      await recordAudit(
        ctx,
        {
          action: "unit.updated",
          entityType: "Unit",
          entityId: id,
          data: { changed, ...Object.fromEntries(changed.map((k) => [k, { from: before[k], to: unit[k] }])) },
        },
        tx,
      );
      return toUnitDto(unit);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? codeTaken() : error;
  }
}

/**
 * Re-roots `unit`'s subtree under `parent` (null = top level): paths and depths of the whole subtree are rewritten.
 * The caller has checked that `parent` is active and not inside the subtree.
 */
export async function reparent(tx: Tx, orgId: string, unit: UnitRow, parent: UnitRow | null): Promise<number> {
  const subtree = await subtreeOf(tx, orgId, unit);
  const oldPrefix = unit.path.slice(0, unit.path.length - unit.id.length - 1);
  const newPrefix = parent ? parent.path : "/";
  const shift = (parent ? parent.depth + 1 : 0) - unit.depth;
  const deepest = Math.max(...subtree.map((u) => u.depth)) + shift;
  if (deepest > MAX_DEPTH)
    throw new ValidationError([
      { name: "parentId", reason: `The tree would have more than ${MAX_DEPTH + 1} levels`, in: "body" },
    ]);
  await tx.unit.update({ where: { id: unit.id }, data: { parentId: parent?.id ?? null } });
  for (const u of subtree)
    await tx.unit.update({
      where: { id: u.id },
      data: { path: newPrefix + u.path.slice(oldPrefix.length), depth: u.depth + shift },
    });
  return subtree.length;
}

/** The reason `parent` cannot take `unit`, or null: itself or one of its descendants would close a cycle. */
export function cycleReason(unit: { id: string; path: string }, parent: { path: string }): string | null {
  return parent.path.startsWith(unit.path) ? "A unit cannot move under itself or one of its own units" : null;
}

export async function moveUnit(ctx: Ctx, id: string, input: MoveUnitInput): Promise<UnitDto> {
  return db.$transaction(async (tx) => {
    await lockTree(tx, ctx.orgId);
    const unit = await findOwn(tx, ctx, id);
    const parent = input.parentId ? await activeParent(tx, ctx, input.parentId) : null;
    const cycle = parent ? cycleReason(unit, parent) : null;
    if (cycle) throw new ValidationError([{ name: "parentId", reason: cycle, in: "body" }]);
    if ((parent?.id ?? null) === unit.parentId) return toUnitDto(unit);
    const moved = await reparent(tx, ctx.orgId, unit, parent);
    await recordAudit(
      ctx,
      {
        action: "unit.moved",
        entityType: "Unit",
        entityId: id,
        data: { code: unit.code, fromParentId: unit.parentId, toParentId: parent?.id ?? null, units: moved },
      },
      tx,
    );
    return toUnitDto(await tx.unit.findUniqueOrThrow({ where: { id } }));
  });
}

/** Archives the unit and its whole subtree (a closed region closes its stores); rows and history stay. */
export async function archiveUnit(ctx: Ctx, id: string): Promise<UnitDto> {
  return db.$transaction(async (tx) => {
    await lockTree(tx, ctx.orgId);
    const unit = await findOwn(tx, ctx, id);
    const now = new Date();
    const { count } = await tx.unit.updateMany({
      where: { orgId: ctx.orgId, path: { startsWith: unit.path }, archivedAt: null },
      data: { archivedAt: now },
    });
    if (count > 0)
      await recordAudit(
        ctx,
        { action: "unit.archived", entityType: "Unit", entityId: id, data: { code: unit.code, units: count } },
        tx,
      );
    return toUnitDto(await tx.unit.findUniqueOrThrow({ where: { id } }));
  });
}

/** Restores one archived unit (not its subtree); its parent must be active. */
export async function restoreUnit(ctx: Ctx, id: string): Promise<UnitDto> {
  return db.$transaction(async (tx) => {
    await lockTree(tx, ctx.orgId);
    const unit = await findOwn(tx, ctx, id);
    if (!unit.archivedAt) return toUnitDto(unit);
    if (unit.parentId) {
      const parent = await tx.unit.findUniqueOrThrow({ where: { id: unit.parentId } });
      if (parent.archivedAt)
        throw new ValidationError([
          { name: "id", reason: "Its parent unit is archived: restore or move it first", in: "path" },
        ]);
    }
    const restored = await tx.unit.update({ where: { id }, data: { archivedAt: null } });
    await recordAudit(
      ctx,
      { action: "unit.restored", entityType: "Unit", entityId: id, data: { code: unit.code } },
      tx,
    );
    return toUnitDto(restored);
  });
}
