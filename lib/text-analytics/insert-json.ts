// Many rows in one INSERT with one bound parameter: the rows travel as one JSON text and the database unpacks them
// (SQLite json_each, PostgreSQL json_populate_recordset). On the write path of every comment, Prisma's cost per bound
// value dominated the analysis itself (lib/db-bulk.ts binds each value: ~15 per analysis); with one parameter a
// statement costs about what an empty one does (docs/text-analytics.md, "Speed").
import { Prisma, provider } from "../db";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;
export type ColumnKind = "text" | "number" | "boolean" | "date" | "json";

const MAX_ROWS = 2_000;

/** A value as the row's JSON carries it: dates as stored by Prisma on SQLite ("…+00:00"), JSON columns as JSON. */
function jsonValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === "date") return (value as Date).toISOString().replace("Z", "+00:00");
  if (kind === "boolean" && provider === "sqlite") return value ? 1 : 0;
  return value;
}

/**
 * INSERTs `rows` (objects keyed by column name) into `table`; `columns` names every column written and its kind.
 * `onlyIf` keeps a row only when the condition holds: SQL over `row("column")`, the row's value. Answers the rows
 * inserted.
 */
export async function insertJsonRows(
  tx: Tx,
  table: string,
  columns: Readonly<Record<string, ColumnKind>>,
  rows: readonly object[],
  onlyIf?: (row: (column: string) => string) => string,
): Promise<number> {
  let count = 0;
  const names = Object.keys(columns);
  const list = Prisma.raw(names.map((c) => `"${c}"`).join(", "));
  for (let i = 0; i < rows.length; i += MAX_ROWS) {
    const part = rows.slice(i, i + MAX_ROWS).map((row) => {
      const r = row as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const c of names) out[c] = jsonValue(columns[c], r[c]);
      return out;
    });
    const json = JSON.stringify(part);
    if (provider === "postgresql") {
      const where = Prisma.raw(onlyIf ? `WHERE ${onlyIf((c) => `r."${c}"`)}` : "");
      count +=
        await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${Prisma.raw(`"${table}"`)}, ${json}::json) r ${where}`;
    } else {
      // json_extract gives a JSON array or object back as its JSON text: what a Json column stores on SQLite.
      const field = (c: string) => `json_extract(value, '$."${c}"')`;
      const values = Prisma.raw(names.map(field).join(", "));
      const where = Prisma.raw(onlyIf ? `WHERE ${onlyIf(field)}` : "");
      count +=
        await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${list}) SELECT ${values} FROM json_each(${json}) ${where}`;
    }
  }
  return count;
}
