// Bulk writes for large volumes (demo data, imports, survey response ingestion, benchmarks).
import { randomBytes } from "node:crypto";
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

/** An id for a row written here (Prisma's @default(cuid()) does not apply): "c" + 24 lower-case base-36 characters, like cuid(). */
export function newId(): string {
  const bytes = randomBytes(24);
  let s = "c";
  for (const b of bytes) s += (b % 36).toString(36);
  return s;
}

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
