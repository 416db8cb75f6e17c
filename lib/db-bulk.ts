// Bulk writes for large volumes (demo data, imports, survey response ingestion, benchmarks).
import { randomFillSync } from "node:crypto";
import type { Db } from "./db";
import { Prisma } from "./generated/sqlite/client";

// Rows are written with multi-row INSERT statements built as Prisma.Sql: Prisma renders the placeholders
// for the database at hand (? for SQLite, $n for PostgreSQL) and the driver adapter converts Date and boolean
// values as it does for its own queries. This is ~20x faster than createMany, whose per-value processing
// in the client dominates at this volume. Row keys are exactly the column names (the rows are typed as the
// models' CreateManyInput), Json values are sent as JSON text. Batches stay well under SQLite's 32,766
// bound parameters per statement (the same limit Prisma applies for PostgreSQL).
const MAX_PARAMS = 30_000;
const MAX_BATCH = 2_000;

/**
 * An id for a row written here (Prisma's @default(cuid()) does not apply): "c", the time in milliseconds (8 base-36
 * characters, as cuid() starts with it) and 16 random base-36 characters (82 bits), 25 lower-case characters like
 * cuid(). Time first, so that rows written together sit together in every index on an id (the primary key, and the
 * foreign keys of the rows that point at them — Answer.responseId, TextAnalysis.answerId …): a random key dirties
 * another page of each such index for every row, which cost the ingestion batch and the text analyses written with it
 * about 40 % of their CPU on SQLite (docs/text-analytics.md, "On the write path").
 */
export function newId(): string {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  let s = "c" + Date.now().toString(36).padStart(8, "0");
  for (let i = 0; i < 16; i++) s += (pool[poolAt++]! % 36).toString(36);
  return s;
}
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function insertStatement(table: string, columns: string[], rows: object[]): Prisma.Sql {
  const strings: string[] = [];
  const values: unknown[] = [];
  let pending = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (`;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) {
      strings.push(pending);
      const value = record[columns[c]] ?? null;
      values.push(
        value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
      );
      pending = ", ";
    }
    pending = "), (";
  }
  strings.push(")");
  return new Prisma.Sql(strings, values);
}

export async function insertBatches(
  tx: Pick<Db, "$executeRaw">,
  table: string,
  label: string,
  rows: object[],
  onProgress?: (msg: string) => void,
) {
  if (rows.length === 0) return;
  // Every key any row has (a row without one of them writes NULL there), so later rows may carry extra columns.
  const keys = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k);
  const columns = [...keys];
  const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(MAX_PARAMS / columns.length)));
  for (let i = 0; i < rows.length; i += size) {
    await tx.$executeRaw(insertStatement(table, columns, rows.slice(i, i + size)));
    onProgress?.(`${label} ${Math.min(i + size, rows.length)}/${rows.length}`);
  }
}
