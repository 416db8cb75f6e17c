// Customer CSV export in the column shape the import accepts (externalId, name, email, phone, tags, consent,
// attributes.<key>…), so an export re-imports cleanly. Streamed: the database is read in chunks by id and
// each chunk is written out before the next one is read; nothing holds all customers in memory. Cells are
// guarded against formula injection (lib/csv/stream.ts); the import removes that guard again. A unit-scoped caller
// exports the customers they may see (docs/hierarchy.md, "Customers in a scope").
import { csvStream, type CsvCell } from "../csv/stream";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { CUSTOMER_FIELDS } from "./mapping";
import { recordAudit } from "../audit/service";
import { customerScopeWhere } from "../units/scope";
import { INTERACTION_FIELDS } from "./interaction-spec";
import { interactionWhere } from "../interactions/service";
import type { InteractionFilters } from "../interactions/schema";
import { analysisSelect, insightCells, toInsight } from "../text-analytics/insight";

/**
 * After the import's columns, the note's stored analysis as the response CSV has the comment's
 * (docs/text-analytics.md): derived, never read back — the import's mapping ignores them.
 */
export const INTERACTION_EXPORT_COLUMNS = [...INTERACTION_FIELDS, "sentiment", "sentiment_label", "themes"] as const;
const KEYS_ONLY = new Map<string, string>(); // the CSV lists theme keys; names are not needed

const CHUNK = 1_000;

/** The attribute keys used by this organization's customers (one cheap pass over ids and attributes). */
async function attributeKeys(ctx: Ctx): Promise<string[]> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.customer.findMany({
      where: { orgId: ctx.orgId, ...customerScopeWhere(ctx), ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, attributes: true },
      orderBy: { id: "asc" },
      take: CHUNK,
    });
    for (const r of rows) {
      if (r.attributes && typeof r.attributes === "object" && !Array.isArray(r.attributes))
        for (const k of Object.keys(r.attributes)) keys.add(k);
    }
    if (rows.length < CHUNK) return [...keys].sort();
    cursor = rows[rows.length - 1].id;
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The tags of the customers whose ids lie in (after, last], by customer id. Read by id range, not by a list
 * of ids: an IN list of a whole page is one bound parameter per customer, and Prisma refuses more than 999
 * of them on SQLite (P2029; a page of 1,000 customers with their tags failed that way). The range is three
 * parameters whatever the page size, and (customerId, tag) is the unique index it reads.
 */
async function tagsOfRange(ctx: Ctx, after: string | undefined, last: string): Promise<Map<string, string[]>> {
  const rows = await db.customerTag.findMany({
    where: { orgId: ctx.orgId, customerId: { ...(after ? { gt: after } : {}), lte: last } },
    select: { customerId: true, tag: true },
    orderBy: [{ customerId: "asc" }, { tag: "asc" }],
  });
  const byCustomer = new Map<string, string[]>();
  for (const r of rows) {
    const list = byCustomer.get(r.customerId);
    if (list) list.push(r.tag);
    else byCustomer.set(r.customerId, [r.tag]);
  }
  return byCustomer;
}

/** Pages of CHUNK customers in id order (keyset), each with its tags read by one range query. */
async function* customerRows(ctx: Ctx, attrs: string[]): AsyncGenerator<CsvCell[][]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.customer.findMany({
      where: {
        orgId: ctx.orgId,
        erasedAt: null,
        ...customerScopeWhere(ctx),
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: {
        id: true,
        externalId: true,
        name: true,
        email: true,
        phone: true,
        consent: true,
        attributes: true,
        unit: { select: { code: true } },
      },
      orderBy: { id: "asc" },
      take: CHUNK,
    });
    const tags = rows.length ? await tagsOfRange(ctx, cursor, rows[rows.length - 1].id) : new Map<string, string[]>();
    yield rows.map((c) => {
      const a = (c.attributes && typeof c.attributes === "object" ? c.attributes : {}) as Record<string, unknown>;
      return [
        c.externalId ?? "",
        c.name ?? "",
        c.email ?? "",
        c.phone ?? "",
        (tags.get(c.id) ?? []).join("; "),
        c.consent === null ? "" : c.consent ? "yes" : "no",
        c.unit?.code ?? "",
        ...attrs.map((k) => cell(a[k])),
      ];
    });
    if (rows.length < CHUNK) return;
    cursor = rows[rows.length - 1].id;
  }
}

export async function exportCustomersCsv(ctx: Ctx): Promise<ReadableStream<Uint8Array>> {
  await recordAudit(ctx, { action: "customers.exported", entityType: "Customer", data: {} });
  const attrs = await attributeKeys(ctx);
  return csvStream([...CUSTOMER_FIELDS, ...attrs.map((k) => `attributes.${k}`)], customerRows(ctx, attrs));
}

/** Rows of a table read in chunks by id (the cursor), each chunk mapped to CSV rows before the next is read. */
async function* chunked<T extends { id: string }>(
  read: (cursor: string | undefined) => Promise<T[]>,
  toRow: (r: T) => CsvCell[],
): AsyncGenerator<CsvCell[][]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read(cursor);
    yield rows.map(toRow);
    if (rows.length < CHUNK) return;
    cursor = rows[rows.length - 1].id;
  }
}

/**
 * Interaction CSV export in the columns the interaction import takes (customer by external id, else e-mail,
 * else our id; touchpoint as "Journey / Stage / Touchpoint"; channel key; staff e-mail), so it re-imports
 * cleanly: the clientId column (our id when the interaction had none) makes a re-import into the same
 * organization skip every row as a duplicate (the import treats a clientId equal to a stored interaction's id as
 * that interaction). Then the note's sentiment, sentiment_label and themes (empty before it is analysed).
 */
export async function exportInteractionsCsv(
  ctx: Ctx,
  filters: InteractionFilters = {},
): Promise<ReadableStream<Uint8Array>> {
  await recordAudit(ctx, { action: "interactions.exported", entityType: "Interaction", data: { filters } });
  const where = interactionWhere(ctx, filters);
  const rows = chunked(
    (cursor) =>
      db.interaction.findMany({
        where: { ...where, ...(cursor ? { id: { gt: cursor } } : {}) },
        select: {
          id: true,
          occurredAt: true,
          outcome: true,
          emotion: true,
          note: true,
          clientId: true,
          customer: { select: { id: true, externalId: true, email: true } },
          touchpoint: {
            select: { name: true, journey: { select: { name: true } }, stage: { select: { name: true } } },
          },
          channel: { select: { key: true } },
          staff: { select: { email: true } },
          textAnalysis: { select: analysisSelect },
        },
        orderBy: { id: "asc" },
        take: CHUNK,
      }),
    (i) => [
      i.customer.externalId ?? i.customer.email ?? i.customer.id,
      i.touchpoint ? [i.touchpoint.journey.name, i.touchpoint.stage.name, i.touchpoint.name].join(" / ") : "",
      i.channel?.key ?? "",
      i.occurredAt.toISOString(),
      i.outcome,
      i.emotion,
      i.note ?? "",
      i.staff?.email ?? "",
      i.clientId ?? i.id,
      ...insightCells(toInsight(i.textAnalysis, KEYS_ONLY)),
    ],
  );
  return csvStream([...INTERACTION_EXPORT_COLUMNS], rows);
}
