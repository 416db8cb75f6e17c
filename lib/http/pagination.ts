// Cursor pagination for every list: ?limit=&cursor=<id of the last row seen>. Rows come newest first.
import { z } from "zod";

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(64).optional(),
});
export type PaginationQuery = z.infer<typeof paginationQuery>;

/** Prisma findMany arguments for one page: one extra row tells whether another page exists. */
export function pageArgs(q: PaginationQuery) {
  return { take: q.limit + 1, ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}) };
}

export function toPage<T extends { id: string }>(
  rows: T[],
  q: PaginationQuery,
): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, q.limit);
  return { data, nextCursor: rows.length > q.limit ? data[data.length - 1].id : null };
}

/** Lists count their matches up to COUNT_CAP: beyond it a page says "more than 10,000" rather than counting on. */
export const COUNT_CAP = 10_000;

/** A count read with `take: COUNT_CAP + 1`, as the page shows it. */
export const cappedCount = (n: number) => ({ count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP });
