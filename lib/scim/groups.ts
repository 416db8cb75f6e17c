// SCIM Groups of one organization, each optionally mapped to a role (ScimGroup.role, set by an admin in
// Settings → SCIM provisioning or by the displayName convention of group-roles.ts). Every change of a group's
// members or role recomputes the affected members' roles in the same transaction.
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/service";
import { ScimError, invalidValue, scimNotFound } from "./errors";
import { filterToWhere, pageOf, stringValue, type FilterAttributes } from "./filter";
import { optionalString, patchSteps } from "./patch";
import { applyGroupRoles, conventionRole } from "./group-roles";
import { scimActor } from "./deprovision";
import { GROUP_SCHEMA, listResponse } from "./meta";
import { MAX_RESULTS } from "./users";
import type { ScimCaller } from "./tokens";

type Tx = Prisma.TransactionClient;
const include = {
  members: { select: { membershipId: true, membership: { select: { user: { select: { name: true } } } } } },
} as const;
type Row = Prisma.ScimGroupGetPayload<{ include: typeof include }>;

export function toScimGroup(g: Row, baseUrl: string, withMembers = true) {
  return {
    schemas: [GROUP_SCHEMA],
    id: g.id,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    displayName: g.displayName,
    ...(withMembers
      ? {
          members: g.members.map((m) => ({
            value: m.membershipId,
            display: m.membership.user.name,
            $ref: `${baseUrl}/Users/${m.membershipId}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: g.createdAt.toISOString(),
      lastModified: g.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${g.id}`,
    },
  };
}

const FILTERS: FilterAttributes<Prisma.ScimGroupWhereInput> = {
  displayname: (v) => ({ displayName: stringValue(v, "displayName") }),
  externalid: (v) => ({ externalId: stringValue(v, "externalId") }),
  id: (v) => ({ id: stringValue(v, "id") }),
  "members.value": (v) => ({ members: { some: { membershipId: stringValue(v, "members.value") } } }),
};

const withoutMembers = (query: URLSearchParams) =>
  /(^|,)\s*members\s*(,|$)/i.test(query.get("excludedAttributes") ?? "");

export async function listScimGroups(caller: ScimCaller, query: URLSearchParams, baseUrl: string) {
  const filter = filterToWhere(query.get("filter") ?? undefined, FILTERS);
  const where: Prisma.ScimGroupWhereInput = {
    orgId: caller.orgId,
    ...(filter ? { AND: [filter as Prisma.ScimGroupWhereInput] } : {}),
  };
  const { startIndex, count } = pageOf(query, MAX_RESULTS);
  const [total, rows] = await Promise.all([
    db.scimGroup.count({ where }),
    count === 0
      ? []
      : db.scimGroup.findMany({
          where,
          include,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: startIndex - 1,
          take: count,
        }),
  ]);
  return listResponse(
    total,
    startIndex,
    rows.map((g) => toScimGroup(g, baseUrl, !withoutMembers(query))),
  );
}

async function load(tx: Tx | typeof db, caller: ScimCaller, id: string): Promise<Row> {
  const g = await tx.scimGroup.findFirst({ where: { id, orgId: caller.orgId }, include });
  if (!g) throw scimNotFound("Group");
  return g;
}

export async function getScimGroup(caller: ScimCaller, id: string, query: URLSearchParams, baseUrl: string) {
  return toScimGroup(await load(db, caller, id), baseUrl, !withoutMembers(query));
}

/** Member references → membership ids of this organization; an unknown id is a 400 naming it. */
async function memberIds(tx: Tx, orgId: string, value: unknown): Promise<string[]> {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const ids = list.map((v) => {
    const id = (v as { value?: unknown })?.value;
    if (typeof id !== "string" || !id) throw invalidValue("Each member needs a value: the id of a User.");
    return id;
  });
  const unique = [...new Set(ids)];
  if (unique.length > 10_000) throw new ScimError(400, "Too many members in one request.", "tooMany");
  const found = await tx.membership.findMany({ where: { orgId, id: { in: unique } }, select: { id: true } });
  const known = new Set(found.map((f) => f.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) throw invalidValue(`No User with the id ${missing.slice(0, 5).join(", ")} in this organization.`);
  return unique;
}

function displayNameOf(value: unknown): string {
  const name = optionalString(value, "displayName", 200);
  if (!name) throw invalidValue("displayName is required.");
  return name;
}

type Change = {
  displayName?: string;
  externalId?: string | null;
  add?: string[];
  remove?: string[];
  replaceMembers?: string[];
};

async function applyGroup(tx: Tx, caller: ScimCaller, g: Row, change: Change) {
  const before = new Set(g.members.map((m) => m.membershipId));
  const after = new Set(change.replaceMembers ?? before);
  for (const id of change.add ?? []) after.add(id);
  for (const id of change.remove ?? []) after.delete(id);
  const data: Prisma.ScimGroupUpdateInput = {};
  if (change.displayName !== undefined && change.displayName !== g.displayName) {
    const clash = await tx.scimGroup.findFirst({
      where: { orgId: caller.orgId, displayName: change.displayName, NOT: { id: g.id } },
      select: { id: true },
    });
    if (clash) throw new ScimError(409, "Another Group has this displayName.", "uniqueness");
    data.displayName = change.displayName;
    const role = conventionRole(change.displayName);
    if (role) data.role = role;
  }
  if (change.externalId !== undefined) data.externalId = change.externalId;
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  if (Object.keys(data).length || added.length || removed.length)
    await tx.scimGroup.update({ where: { id: g.id }, data: { ...data, updatedAt: new Date() } });
  if (added.length)
    await tx.scimGroupMember.createMany({ data: added.map((membershipId) => ({ groupId: g.id, membershipId })) });
  if (removed.length) await tx.scimGroupMember.deleteMany({ where: { groupId: g.id, membershipId: { in: removed } } });
  if (Object.keys(data).length || added.length || removed.length) {
    await recordAudit(
      scimActor(caller.orgId),
      {
        action: "scim_group.updated",
        entityType: "ScimGroup",
        entityId: g.id,
        data: {
          ...(data.displayName ? { displayName: String(data.displayName) } : {}),
          added: added.length,
          removed: removed.length,
          via: "scim",
          scimTokenId: caller.tokenId,
        },
      },
      tx,
    );
  }
  // A role mapping reaches everyone in the group when it changed; otherwise only those who came or went.
  const affected = data.role !== undefined && data.role !== g.role ? [...before, ...after] : [...added, ...removed];
  await applyGroupRoles(tx, scimActor(caller.orgId), affected, { via: "scim_group", scimTokenId: caller.tokenId });
}

export async function createScimGroup(caller: ScimCaller, body: unknown, baseUrl: string) {
  const b = body as Record<string, unknown>;
  const displayName = displayNameOf(b.displayName);
  const id = await db.$transaction(async (tx) => {
    if (await tx.scimGroup.findFirst({ where: { orgId: caller.orgId, displayName }, select: { id: true } })) {
      throw new ScimError(409, "A Group with this displayName already exists.", "uniqueness");
    }
    const members = await memberIds(tx, caller.orgId, b.members);
    const g = await tx.scimGroup.create({
      data: {
        orgId: caller.orgId,
        displayName,
        externalId: optionalString(b.externalId, "externalId"),
        role: conventionRole(displayName),
      },
    });
    if (members.length)
      await tx.scimGroupMember.createMany({ data: members.map((membershipId) => ({ groupId: g.id, membershipId })) });
    await recordAudit(
      scimActor(caller.orgId),
      {
        action: "scim_group.created",
        entityType: "ScimGroup",
        entityId: g.id,
        data: { displayName, role: g.role, members: members.length, via: "scim", scimTokenId: caller.tokenId },
      },
      tx,
    );
    await applyGroupRoles(tx, scimActor(caller.orgId), members, { via: "scim_group", scimTokenId: caller.tokenId });
    return g.id;
  });
  return toScimGroup(await load(db, caller, id), baseUrl);
}

export async function replaceScimGroup(caller: ScimCaller, id: string, body: unknown, baseUrl: string) {
  const b = body as Record<string, unknown>;
  await db.$transaction(async (tx) => {
    const g = await load(tx, caller, id);
    const change: Change = {
      displayName: displayNameOf(b.displayName),
      replaceMembers: await memberIds(tx, caller.orgId, b.members),
    };
    if (b.externalId !== undefined) change.externalId = optionalString(b.externalId, "externalId");
    await applyGroup(tx, caller, g, change);
  });
  return toScimGroup(await load(db, caller, id), baseUrl);
}

export async function patchScimGroup(caller: ScimCaller, id: string, body: unknown, baseUrl: string) {
  const steps = patchSteps(body);
  await db.$transaction(async (tx) => {
    const g = await load(tx, caller, id);
    const change: Change = { add: [], remove: [] };
    for (const s of steps) {
      if (s.attr === "members") {
        if (s.op === "remove") {
          // members[value eq "…"], or a value list (Entra); removing an id that is not there is no error.
          const list =
            s.filterValues ??
            (s.value === undefined
              ? null
              : (Array.isArray(s.value) ? s.value : [s.value]).map((v) =>
                  String((v as { value?: unknown })?.value ?? ""),
                ));
          if (list === null) change.replaceMembers = [];
          else change.remove!.push(...list);
        } else if (s.op === "replace") {
          change.replaceMembers = await memberIds(tx, caller.orgId, s.value);
          change.add = [];
          change.remove = [];
        } else {
          change.add!.push(...(await memberIds(tx, caller.orgId, s.value)));
        }
      } else if (s.attr === "displayname") {
        if (s.op === "remove") throw new ScimError(400, "displayName cannot be removed.", "mutability");
        change.displayName = displayNameOf(s.value);
      } else if (s.attr === "externalid") {
        change.externalId = s.op === "remove" ? null : optionalString(s.value, "externalId");
      } else if (s.attr !== "id" && s.attr !== "schemas" && s.attr !== "meta") {
        throw new ScimError(400, `A Group has no attribute "${s.attr.slice(0, 60)}" to change.`, "invalidPath");
      }
    }
    await applyGroup(tx, caller, g, change);
  });
  return toScimGroup(await load(db, caller, id), baseUrl);
}

export async function deleteScimGroup(caller: ScimCaller, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const g = await load(tx, caller, id);
    await tx.scimGroup.delete({ where: { id: g.id } });
    await recordAudit(
      scimActor(caller.orgId),
      {
        action: "scim_group.deleted",
        entityType: "ScimGroup",
        entityId: g.id,
        data: { displayName: g.displayName, via: "scim", scimTokenId: caller.tokenId },
      },
      tx,
    );
    await applyGroupRoles(
      tx,
      scimActor(caller.orgId),
      g.members.map((m) => m.membershipId),
      { via: "scim_group", scimTokenId: caller.tokenId },
    );
  });
}
