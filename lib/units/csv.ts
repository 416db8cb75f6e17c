// CSV import and export of the unit tree (docs/hierarchy.md, "CSV import and export"): one row per unit,
// `code,name,kind,parentCode,archived`, parents named by code. The import reads the file with the import's
// streaming parser and limits (lib/import/csv.ts), checks all of it against the tree as it would become — codes,
// names, unknown parents, cycles, depth, active units under archived ones — and writes nothing unless every row is
// good: a 400 names each bad row and field (`rows[5].parentCode`; the header is row 1, as in a spreadsheet).
import { db, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { ConflictError, ValidationError, type InvalidParam } from "../errors";
import { readCsvTable, type Source } from "../import/csv";
import { MAX_PROBLEMS } from "../import/pipeline";
import { csvLines, unguardCell } from "../csv/stream";
import { recordAudit } from "../audit/service";
import { MAX_DEPTH, MAX_UNITS, unitCode, unitKind, unitName } from "./schema";
import { lockTree, treeOrder } from "./service";

export const UNIT_CSV_HEADER = ["code", "name", "kind", "parentCode", "archived"];

/** The tree as CSV, parents before children (small: at most MAX_UNITS rows). */
export async function exportUnitsCsv(ctx: Ctx): Promise<string> {
  const units = await db.unit.findMany({ where: { orgId: ctx.orgId } });
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return csvLines([
    UNIT_CSV_HEADER,
    ...treeOrder(units).map((u) => [
      u.code,
      u.name,
      u.kind,
      u.parentId ? codeOf.get(u.parentId) : "",
      u.archivedAt !== null,
    ]),
  ]);
}

type Row = {
  row: number;
  code: string;
  name: string;
  kind: string | null | undefined; // undefined = no kind column
  parentCode: string | null | undefined; // null = top level; undefined = no parentCode column
  archived: boolean | undefined; // undefined = leave as it is
};

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");
const COLUMNS: Record<string, keyof Omit<Row, "row">> = {
  code: "code",
  unitcode: "code",
  name: "name",
  kind: "kind",
  level: "kind",
  parentcode: "parentCode",
  parent: "parentCode",
  archived: "archived",
};
const TRUE = new Set(["true", "yes", "1"]);
const FALSE = new Set(["false", "no", "0"]);

function fieldProblem(row: number, field: string, reason: string): InvalidParam {
  return { name: `rows[${row}].${field}`, reason, in: "body" };
}

function parseRows(header: string[], records: string[][]): { rows: Row[]; problems: InvalidParam[] } {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const column = COLUMNS[normalise(h)];
    if (column && !at.has(column)) at.set(column, i);
  });
  const missing = (["code", "name"] as const).filter((c) => !at.has(c));
  if (missing.length)
    return {
      rows: [],
      problems: [
        {
          name: "header",
          reason: `The file needs ${missing.map((c) => `a \`${c}\``).join(" and ")} column`,
          in: "body",
        },
      ],
    };
  const cell = (record: string[], column: string) => {
    const i = at.get(column);
    return i === undefined ? undefined : unguardCell(record[i] ?? "").trim();
  };
  const rows: Row[] = [];
  const problems: InvalidParam[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const row = i + 2;
    const before = problems.length;
    const code = unitCode.safeParse(cell(record, "code"));
    if (!code.success) problems.push(fieldProblem(row, "code", code.error.issues[0]!.message));
    else if (seen.has(code.data))
      problems.push(fieldProblem(row, "code", `The same code is on row ${seen.get(code.data)} already`));
    else seen.set(code.data, row);
    const name = unitName.safeParse(cell(record, "name"));
    if (!name.success) problems.push(fieldProblem(row, "name", name.error.issues[0]!.message));
    const rawKind = cell(record, "kind");
    const kind = rawKind === undefined ? undefined : unitKind.safeParse(rawKind);
    if (kind && !kind.success) problems.push(fieldProblem(row, "kind", kind.error.issues[0]!.message));
    const rawParent = cell(record, "parentCode");
    const parent = rawParent ? unitCode.safeParse(rawParent) : undefined;
    if (parent && !parent.success) problems.push(fieldProblem(row, "parentCode", parent.error.issues[0]!.message));
    const rawArchived = cell(record, "archived")?.toLowerCase();
    if (rawArchived && !TRUE.has(rawArchived) && !FALSE.has(rawArchived))
      problems.push(fieldProblem(row, "archived", "Write true or false (or leave it empty)"));
    if (problems.length > before || !code.success || !name.success) return;
    rows.push({
      row,
      code: code.data,
      name: name.data,
      kind: kind?.success ? kind.data : undefined,
      parentCode: rawParent === undefined ? undefined : parent?.success ? parent.data : null,
      archived: rawArchived ? TRUE.has(rawArchived) : undefined,
    });
  });
  return { rows, problems };
}

type Planned = {
  id: string | null; // null = to create
  code: string;
  name: string;
  kind: string | null;
  parentCode: string | null;
  archived: boolean;
  row: number | null; // the file's row that sets it, if any
};

/** The tree as the file would make it, or the problems that stop it. */
function plan(
  existing: Array<Prisma.UnitGetPayload<object>>,
  rows: Row[],
): { units: Planned[]; problems: InvalidParam[] } {
  const codeOf = new Map(existing.map((u) => [u.id, u.code]));
  const byCode = new Map<string, Planned>(
    existing.map((u) => [
      u.code,
      {
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentId ? (codeOf.get(u.parentId) ?? null) : null,
        archived: u.archivedAt !== null,
        row: null,
      },
    ]),
  );
  for (const r of rows) {
    const before = byCode.get(r.code);
    byCode.set(r.code, {
      id: before?.id ?? null,
      code: r.code,
      name: r.name,
      kind: r.kind === undefined ? (before?.kind ?? null) : r.kind,
      parentCode: r.parentCode === undefined ? (before?.parentCode ?? null) : r.parentCode,
      archived: r.archived ?? before?.archived ?? false,
      row: r.row,
    });
  }
  const units = [...byCode.values()];
  const problems: InvalidParam[] = [];
  if (units.length > MAX_UNITS)
    problems.push({
      name: "body",
      reason: `An organization has at most ${MAX_UNITS.toLocaleString("en-US")} units; the file would make ${units.length.toLocaleString("en-US")}`,
      in: "body",
    });
  for (const u of units) {
    if (u.row === null || u.parentCode === null) continue;
    if (!byCode.has(u.parentCode))
      problems.push(fieldProblem(u.row, "parentCode", "No unit with this code in the organization or the file"));
    else if (u.parentCode === u.code)
      problems.push(fieldProblem(u.row, "parentCode", "A unit cannot be its own parent"));
  }
  if (problems.length) return { units, problems };
  // Depth of each unit by walking up; a walk longer than the tree is big closes a cycle.
  const depth = new Map<string, number>();
  const depthOf = (start: Planned): number | null => {
    const chain: Planned[] = [];
    let u: Planned | undefined = start;
    while (u && !depth.has(u.code)) {
      if (chain.includes(u)) return null;
      chain.push(u);
      u = u.parentCode === null ? undefined : byCode.get(u.parentCode);
    }
    let d = u ? depth.get(u.code)! : -1;
    for (const c of chain.reverse()) depth.set(c.code, ++d);
    return depth.get(start.code)!;
  };
  for (const u of units) {
    const d = depthOf(u);
    if (d === null) {
      if (u.row !== null)
        problems.push(
          fieldProblem(u.row, "parentCode", "This parent would put the unit inside its own subtree (a cycle)"),
        );
      continue;
    }
    if (d > MAX_DEPTH && u.row !== null)
      problems.push(fieldProblem(u.row, "parentCode", `The tree would have more than ${MAX_DEPTH + 1} levels`));
    const parent = u.parentCode === null ? null : byCode.get(u.parentCode)!;
    if (parent?.archived && !u.archived) {
      if (u.row !== null)
        problems.push(
          fieldProblem(u.row, parent.row === null ? "parentCode" : "archived", `Its parent ${parent.code} is archived`),
        );
      else if (parent.row !== null)
        problems.push(
          fieldProblem(
            parent.row,
            "archived",
            `Unit ${u.code} below it stays active: archive or move it in the file too`,
          ),
        );
    }
  }
  return { units, problems };
}

function rowOf(name: string): number {
  return Number(/^rows\[(\d+)\]/.exec(name)?.[1] ?? 0);
}

function refuse(problems: InvalidParam[]): never {
  problems.sort((a, b) => rowOf(a.name) - rowOf(b.name));
  throw new ValidationError(
    problems.slice(0, MAX_PROBLEMS),
    `${problems.length} problem${problems.length === 1 ? "" : "s"} in the file; nothing was saved.`,
  );
}

export type UnitImportSummary = { rows: number; created: number; updated: number; unchanged: number };

/** All or nothing: creates and updates units from a CSV whose parents are named by code. */
export async function importUnitsCsv(ctx: Ctx, source: Source): Promise<UnitImportSummary> {
  const { header, records } = await readCsvTable(source, "units");
  if (records.length > MAX_UNITS)
    throw new ValidationError([
      { name: "body", reason: `An organization has at most ${MAX_UNITS.toLocaleString("en-US")} units`, in: "body" },
    ]);
  const parsed = parseRows(header, records);
  if (parsed.problems.length) refuse(parsed.problems);

  return db.$transaction(
    async (tx) => {
      await lockTree(tx, ctx.orgId);
      const existing = await tx.unit.findMany({ where: { orgId: ctx.orgId } });
      const { units, problems } = plan(existing, parsed.rows);
      if (problems.length) refuse(problems);
      const before = new Map(existing.map((u) => [u.id, u]));
      const idOf = new Map(existing.map((u) => [u.code, u.id]));
      // Parents before children: the planned tree's depth-first order.
      const ordered: Planned[] = [];
      const children = new Map<string | null, Planned[]>();
      for (const u of units) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);
      const walk = (code: string | null) =>
        (children.get(code) ?? []).forEach((u) => {
          ordered.push(u);
          walk(u.code);
        });
      walk(null);
      if (ordered.length !== units.length) throw new ConflictError("The unit tree changed while importing; try again.");

      const now = new Date();
      const pathOf = new Map<string, { path: string; depth: number }>();
      let created = 0;
      let updated = 0;
      for (const u of ordered) {
        const parent = u.parentCode === null ? null : pathOf.get(u.parentCode)!;
        const parentId = u.parentCode === null ? null : idOf.get(u.parentCode)!;
        const depth = parent ? parent.depth + 1 : 0;
        if (u.id === null) {
          const made = await tx.unit.create({
            data: {
              orgId: ctx.orgId,
              code: u.code,
              name: u.name,
              kind: u.kind,
              parentId,
              path: "/",
              depth,
              archivedAt: u.archived ? now : null,
            },
          });
          const path = `${parent ? parent.path : "/"}${made.id}/`;
          await tx.unit.update({ where: { id: made.id }, data: { path } });
          idOf.set(u.code, made.id);
          pathOf.set(u.code, { path, depth });
          created++;
          continue;
        }
        const old = before.get(u.id)!;
        const path = `${parent ? parent.path : "/"}${u.id}/`;
        pathOf.set(u.code, { path, depth });
        const archivedAt = u.archived ? (old.archivedAt ?? now) : null;
        const same =
          old.name === u.name &&
          old.kind === u.kind &&
          old.parentId === parentId &&
          old.path === path &&
          old.depth === depth &&
          (old.archivedAt === null) === (archivedAt === null);
        if (same) continue;
        await tx.unit.update({
          where: { id: u.id },
          data: { name: u.name, kind: u.kind, parentId, path, depth, archivedAt },
        });
        if (u.row !== null) updated++;
      }
      const summary = { rows: parsed.rows.length, created, updated, unchanged: parsed.rows.length - created - updated };
      await recordAudit(ctx, { action: "unit.imported", entityType: "Unit", entityId: null, data: summary }, tx);
      return summary;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
