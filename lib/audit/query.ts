// Reading the audit trail (admins): filters, keyset pagination on (createdAt, id) newest first — stable while
// new events arrive, and an index range scan at any depth — and the CSV export of a filtered set, streamed
// page by page and itself recorded as an audit event. There is no update or delete here or anywhere: the
// table is append-only (database triggers, migration add_privacy_tools).
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ValidationError } from "../errors";
import { csvStream, type CsvCell } from "../csv/stream";
import { recordAudit } from "./service";
import type { AuditFilters, AuditListQuery } from "./schema";

export const SYSTEM_ACTOR = "system";

type Cursor = { at: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime()))
    throw new ValidationError([{ name: "cursor", reason: "Not a cursor from this list", in: "query" }]);
  return { at, id };
}

function whereOf(ctx: Ctx, f: AuditFilters, after?: Cursor): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actorId === SYSTEM_ACTOR) and.push({ actorId: null, apiKeyId: null });
  else if (f.actorId) and.push({ actorId: f.actorId });
  if (f.from || f.to) and.push({ createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } });
  if (after) and.push({ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] });
  return { orgId: ctx.orgId, entityType: f.entityType, action: f.action, entityId: f.entityId, AND: and };
}

const select = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  redactedAt: true,
  actorId: true,
  apiKeyId: true,
  actor: { select: { name: true, email: true } },
} satisfies Prisma.AuditEventSelect;
type Row = Prisma.AuditEventGetPayload<{ select: typeof select }>;

async function apiKeyNames(ctx: Ctx, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.apiKeyId ? [r.apiKeyId] : [])))];
  if (ids.length === 0) return new Map();
  const keys = await db.apiKey.findMany({
    where: { orgId: ctx.orgId, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(keys.map((k) => [k.id, k.name]));
}

function toDto(r: Row, keys: Map<string, string>) {
  const actor = r.apiKeyId
    ? { kind: "api_key" as const, id: r.apiKeyId, name: `API key "${keys.get(r.apiKeyId) ?? "revoked"}"`, email: null }
    : r.actorId
      ? { kind: "user" as const, id: r.actorId, name: r.actor?.name ?? "Deleted user", email: r.actor?.email ?? null }
      : { kind: "system" as const, id: null, name: "System", email: null };
  return {
    id: r.id,
    at: r.createdAt,
    actor,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    data: r.data ?? null,
    redactedAt: r.redactedAt,
  };
}
export type AuditEventDto = ReturnType<typeof toDto>;

export async function listAuditEvents(
  ctx: Ctx,
  q: AuditListQuery,
): Promise<{ data: AuditEventDto[]; nextCursor: string | null }> {
  const rows = await db.auditEvent.findMany({
    where: whereOf(ctx, q, q.cursor ? decodeCursor(q.cursor) : undefined),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select,
  });
  const page = rows.slice(0, q.limit);
  const keys = await apiKeyNames(ctx, page);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => toDto(r, keys)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** What the filter selects can offer: the actions, entity types and actors that occur in this organization. */
export async function auditFilterOptions(ctx: Ctx) {
  const [actions, types, members] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { orgId: ctx.orgId }, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], where: { orgId: ctx.orgId }, orderBy: { entityType: "asc" } }),
    db.membership.findMany({
      where: { orgId: ctx.orgId },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    entityTypes: types.map((t) => t.entityType),
    actors: members.map((m) => m.user),
  };
}

export const AUDIT_CSV_HEADER = ["at", "actor", "actorEmail", "action", "entityType", "entityId", "data", "redactedAt"];
const PAGE = 500;

export async function exportAuditCsv(ctx: Ctx, f: AuditFilters): Promise<ReadableStream<Uint8Array>> {
  const applied = Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
  await recordAudit(ctx, { action: "audit.exported", entityType: "AuditEvent", data: { filters: applied } });
  async function* pages(): AsyncGenerator<CsvCell[][]> {
    let after: Cursor | undefined;
    for (;;) {
      const rows = await db.auditEvent.findMany({
        where: whereOf(ctx, f, after),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: PAGE,
        select,
      });
      const keys = await apiKeyNames(ctx, rows);
      yield rows.map((r) => {
        const d = toDto(r, keys);
        return [
          d.at.toISOString(),
          d.actor.name,
          d.actor.email,
          d.action,
          d.entityType,
          d.entityId,
          d.data === null ? "" : JSON.stringify(d.data),
          d.redactedAt?.toISOString() ?? "",
        ];
      });
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { at: last.createdAt, id: last.id };
    }
  }
  return csvStream(AUDIT_CSV_HEADER, pages());
}
