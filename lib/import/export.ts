// Customer CSV export in the column shape the import accepts (externalId, name, email, phone, tags, consent,
// attributes.<key>…), so an export re-imports cleanly. Streamed: the database is read in chunks by id and
// each chunk is written out before the next one is read; nothing holds all customers in memory.
import { stringify } from "csv-stringify/sync";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { CUSTOMER_FIELDS } from "./mapping";

const CHUNK = 1_000;

/** The attribute keys used by this organization's customers (one cheap pass over ids and attributes). */
async function attributeKeys(ctx: Ctx): Promise<string[]> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.customer.findMany({
      where: { orgId: ctx.orgId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, attributes: true },
      orderBy: { id: "asc" },
      take: CHUNK,
    });
    for (const r of rows) {
      if (r.attributes && typeof r.attributes === "object" && !Array.isArray(r.attributes)) for (const k of Object.keys(r.attributes)) keys.add(k);
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

export async function exportCustomersCsv(ctx: Ctx): Promise<ReadableStream<Uint8Array>> {
  const attrs = await attributeKeys(ctx);
  const header = [...CUSTOMER_FIELDS, ...attrs.map((k) => `attributes.${k}`)];
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    // pull() runs when the client has room for more: the next chunk is read only then.
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(stringify([header])));
        return;
      }
      const rows = await db.customer.findMany({
        where: { orgId: ctx.orgId, ...(cursor ? { id: { gt: cursor } } : {}) },
        include: { tags: { select: { tag: true }, orderBy: { tag: "asc" } } },
        orderBy: { id: "asc" },
        take: CHUNK,
      });
      if (rows.length) {
        const records = rows.map((c) => {
          const a = (c.attributes && typeof c.attributes === "object" ? c.attributes : {}) as Record<string, unknown>;
          return [
            c.externalId ?? "",
            c.name ?? "",
            c.email ?? "",
            c.phone ?? "",
            c.tags.map((t) => t.tag).join("; "),
            c.consent === null ? "" : c.consent ? "yes" : "no",
            ...attrs.map((k) => cell(a[k])),
          ];
        });
        controller.enqueue(encoder.encode(stringify(records)));
        cursor = rows[rows.length - 1].id;
      }
      if (rows.length < CHUNK) controller.close();
    },
  });
}
