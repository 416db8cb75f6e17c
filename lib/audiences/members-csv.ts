// The CSV of a static audience (docs/distribution.md, "Audiences"): a header with an `email` and/or an
// `externalId` column (also "e-mail", "external_id", "external id"), one customer per row. Read with the
// import's streaming parser and limits (lib/import/csv.ts); the whole file is checked before anything is
// written, and every bad row is named (`rows[5].email`: spreadsheet numbering, the header is row 1).
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { ValidationError, type InvalidParam } from "../errors";
import { readCsvTable, type Source } from "../import/csv";
import { MAX_PROBLEMS } from "../import/pipeline";
import { unguardCell } from "../csv/stream";

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");
const email = z.string().email();

type Wanted = { row: number; field: "email" | "externalId"; value: string };

function parse(header: string[], records: string[][]): { wanted: Wanted[]; problems: InvalidParam[] } {
  const emailAt = header.findIndex((h) => normalise(h) === "email");
  const externalAt = header.findIndex((h) => normalise(h) === "externalid");
  const problems: InvalidParam[] = [];
  if (emailAt < 0 && externalAt < 0)
    return {
      wanted: [],
      problems: [{ name: "header", reason: "The file needs an `email` or an `externalId` column", in: "body" }],
    };
  const wanted: Wanted[] = [];
  records.forEach((record, i) => {
    const row = i + 2;
    const ext = externalAt >= 0 ? unguardCell(record[externalAt] ?? "").trim() : "";
    const mail =
      emailAt >= 0
        ? unguardCell(record[emailAt] ?? "")
            .trim()
            .toLowerCase()
        : "";
    if (ext) {
      if (ext.length > 120)
        problems.push({ name: `rows[${row}].externalId`, reason: "Longer than 120 characters", in: "body" });
      else wanted.push({ row, field: "externalId", value: ext });
    } else if (mail) {
      if (!email.safeParse(mail).success)
        problems.push({ name: `rows[${row}].email`, reason: "Not a valid e-mail address", in: "body" });
      else wanted.push({ row, field: "email", value: mail });
    } else
      problems.push({
        name: `rows[${row}]`,
        reason: "Give the customer's e-mail address or external id",
        in: "body",
      });
  });
  return { wanted, problems };
}

/** Customer ids for the wanted rows (erased customers are never members); unknown ones become problems. */
async function resolve(ctx: Ctx, wanted: Wanted[], problems: InvalidParam[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const field of ["externalId", "email"] as const) {
    const rows = wanted.filter((w) => w.field === field);
    const found = new Map<string, string[]>();
    for (let i = 0; i < rows.length; i += 500) {
      const values = [...new Set(rows.slice(i, i + 500).map((r) => r.value))];
      const customers = await db.customer.findMany({
        where: { orgId: ctx.orgId, erasedAt: null, [field]: { in: values } },
        select: { id: true, externalId: true, email: true },
      });
      for (const c of customers) {
        const key = field === "externalId" ? c.externalId : c.email;
        if (key) found.set(key, [...(found.get(key) ?? []), c.id]);
      }
    }
    for (const r of rows) {
      const match = found.get(r.value);
      if (!match)
        problems.push({
          name: `rows[${r.row}].${field}`,
          reason: field === "email" ? "No customer with this e-mail address" : "No customer with this external id",
          in: "body",
        });
      else match.forEach((id) => ids.add(id));
    }
  }
  return [...ids];
}

export async function readStaticMembers(ctx: Ctx, source: Source): Promise<{ customerIds: string[]; rows: number }> {
  const { header, records } = await readCsvTable(source, "customers");
  const { wanted, problems } = parse(header, records);
  const customerIds = problems.length && !wanted.length ? [] : await resolve(ctx, wanted, problems);
  if (problems.length) {
    problems.sort((a, b) => rowOf(a.name) - rowOf(b.name));
    throw new ValidationError(
      problems.slice(0, MAX_PROBLEMS),
      `${problems.length} row${problems.length === 1 ? "" : "s"} of the file cannot be used; nothing was saved.`,
    );
  }
  return { customerIds, rows: records.length };
}

function rowOf(name: string): number {
  return Number(/^rows\[(\d+)\]/.exec(name)?.[1] ?? 0);
}
