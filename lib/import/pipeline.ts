// The CSV import pipeline shared by every kind (customers, interactions, …): header + mapping are checked
// before anything streams back (bad mapping → 400), then the records are validated row by row (the kind's
// parseRow, then its resolve step for references, batch by batch) and written in batches by the kind. Two
// modes: all_or_nothing validates the whole file first and writes nothing if any row is bad; skip_bad_rows
// writes the good rows and reports the bad ones. One audit event per import carries the counts.
import fs from "node:fs";
import type { Ctx } from "../auth/ctx";
import { optimizeDatabase } from "../db";
import { recordAudit } from "../audit/service";
import { AppError, ValidationError } from "../errors";
import { csvProblem, readRecords, spoolToDisk, type Source } from "./csv";
import { parseMappingParam, type ImportMode, type Mapping, type MappingSpec, type OnExisting } from "./mapping";
import { compileMapping, type CompiledMapping, type RowProblem } from "./row";
import type { BatchResult } from "./write";

export const MAX_PROBLEMS = 1_000;
const BATCH = 1_000;
const PROGRESS_EVERY = 1_000;

export type ImportOptions = { mode: ImportMode; onExisting: OnExisting; mapping?: string };
export type ImportProgress = { phase: "validate" | "write"; processed: number; valid: number; invalid: number };
export type ImportResult = {
  done: true;
  mode: ImportMode;
  onExisting: OnExisting;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  invalid: number;
  /** The first MAX_PROBLEMS problems; `problemCount` counts them all. */
  problems: RowProblem[];
  problemCount: number;
};

export type ParsedRow<T> = { ok: true; input: T } | { ok: false; problems: RowProblem[] };
/** A good row with its spreadsheet row number (the header is row 1). */
export type Numbered<T> = { row: number; input: T };

/** The per-import half of a kind: resolves references (may query the database) and writes batches. */
export type ImportSession<In, Out> = {
  /** Rows whose references resolve (→ the written shape) or the problems of those that do not. */
  resolve: (rows: Numbered<In>[]) => Promise<Array<Numbered<Out> | { row: number; problems: RowProblem[] }>>;
  write: (rows: Out[], onExisting: OnExisting) => Promise<BatchResult>;
  /** Once, after the last batch was written (e.g. per-customer summaries that would cost a query per batch). */
  finish?: () => Promise<void>;
};

/** Everything the pipeline needs to import one kind of record. */
export type ImportKind<In, Out = In> = {
  spec: MappingSpec;
  audit: { action: string; entityType: string };
  /** One CSV record → the kind's input (pure: zod rules, no I/O). */
  parseRow: (record: string[], columns: CompiledMapping, row: number) => ParsedRow<In>;
  /** A value that must not repeat within one file, and the field to blame when it does. */
  uniqueKey?: (input: In) => { field: string; value: string } | undefined;
  session: (ctx: Ctx) => ImportSession<In, Out>;
};

/** Reads the header from the stream and checks the mapping against it; throws ValidationError before any write. */
async function openFile(source: Source, mappingText: string | undefined, spec: MappingSpec) {
  const records = readRecords(source);
  const iterator = records[Symbol.asyncIterator]();
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (error) {
    throw csvProblem(error) ?? error;
  }
  if (first.done || first.value.every((h) => !h.trim())) {
    records.destroy();
    throw new ValidationError([{ name: "body", reason: "The file has no header row", in: "body" }]);
  }
  const header = first.value.map((h) => h.trim());
  let mapping: Mapping;
  try {
    mapping = parseMappingParam(mappingText, header, spec);
  } catch (error) {
    records.destroy();
    throw error;
  }
  return {
    header,
    mapping,
    columns: compileMapping(mapping, header),
    rest: { [Symbol.asyncIterator]: () => iterator },
    records,
  };
}

/**
 * Validation state shared by both passes: counts, the kept problems and the unique keys seen so far. Rows are
 * parsed one at a time and resolved (references looked up) a batch at a time: `check` returns the rows of a
 * full batch, `flush` those still pending.
 */
class Checker<In, Out> {
  processed = 0;
  valid = 0;
  invalid = 0;
  problemCount = 0;
  problems: RowProblem[] = [];
  private seen = new Map<string, number>();
  private pending: Numbered<In>[] = [];
  constructor(
    private readonly kind: ImportKind<In, Out>,
    private readonly session: ImportSession<In, Out>,
    private readonly columns: CompiledMapping,
  ) {}

  private fail(problems: RowProblem[]) {
    this.invalid++;
    for (const p of problems) {
      this.problemCount++;
      if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
    }
  }

  async check(record: string[]): Promise<Out[]> {
    this.processed++;
    const row = this.processed + 1; // the header is row 1, as in a spreadsheet
    const parsed = this.kind.parseRow(record, this.columns, row);
    let problems = parsed.ok ? [] : parsed.problems;
    const key = parsed.ok ? this.kind.uniqueKey?.(parsed.input) : undefined;
    if (key) {
      const first = this.seen.get(key.value);
      if (first !== undefined) problems = [{ row, field: key.field, reason: `Duplicate of row ${first} in this file` }];
      else this.seen.set(key.value, row);
    }
    if (problems.length || !parsed.ok) {
      this.fail(problems);
      return [];
    }
    this.pending.push({ row, input: parsed.input });
    return this.pending.length >= BATCH ? this.flush() : [];
  }

  async flush(): Promise<Out[]> {
    if (!this.pending.length) return [];
    const rows = this.pending;
    this.pending = [];
    const good: Out[] = [];
    for (const r of await this.session.resolve(rows)) {
      if ("problems" in r) this.fail(r.problems);
      else {
        this.valid++;
        good.push(r.input);
      }
    }
    return good;
  }
}

export type PreparedImport = {
  run: (onProgress: (p: ImportProgress) => void) => Promise<ImportResult>;
  cancel: () => void;
};

/**
 * Opens the file and checks the mapping (throws ValidationError: nothing streamed yet, nothing written);
 * `run` then does the import, calling onProgress every ~1,000 rows.
 */
export async function prepareImport<In, Out>(
  kind: ImportKind<In, Out>,
  ctx: Ctx,
  source: Source,
  options: ImportOptions,
): Promise<PreparedImport> {
  const spool = options.mode === "all_or_nothing" ? spoolToDisk(source) : null;
  let file: Awaited<ReturnType<typeof openFile>>;
  try {
    file = await openFile(spool ? spool.stream : source, options.mapping, kind.spec);
  } catch (error) {
    spool?.remove();
    throw error;
  }
  const { columns, mapping } = file;
  const cancel = () => {
    file.records.destroy();
    spool?.remove();
  };

  const run = async (onProgress: (p: ImportProgress) => void): Promise<ImportResult> => {
    const totals = { inserted: 0, updated: 0, skipped: 0 };
    const session = kind.session(ctx);
    let checker = new Checker(kind, session, columns);
    const report = (phase: ImportProgress["phase"], c: Checker<In, Out>) =>
      onProgress({ phase, processed: c.processed, valid: c.valid, invalid: c.invalid });
    const write = async (batch: Out[]) => {
      if (!batch.length) return;
      const r = await session.write(batch, options.onExisting);
      totals.inserted += r.inserted;
      totals.updated += r.updated;
      totals.skipped += r.skipped;
    };
    const writeAll = async (records: AsyncIterable<string[]>, c: Checker<In, Out>) => {
      for await (const record of records) {
        await write(await c.check(record));
        if (c.processed % PROGRESS_EVERY === 0) report("write", c);
      }
      await write(await c.flush());
    };

    try {
      if (spool) {
        // Pass 1: validate everything while the bytes are copied to disk.
        for await (const record of file.rest) {
          await checker.check(record);
          if (checker.processed % PROGRESS_EVERY === 0) report("validate", checker);
        }
        await checker.flush();
        report("validate", checker);
        const path = await spool.done;
        if (checker.invalid === 0) {
          // Pass 2: the copy on disk, now known to be good.
          const second = await openFile(fs.createReadStream(path), JSON.stringify(mapping), kind.spec);
          checker = new Checker(kind, session, columns);
          await writeAll(second.rest, checker);
          report("write", checker);
        }
      } else {
        await writeAll(file.rest, checker);
        report("write", checker);
      }
      await session.finish?.();
    } catch (error) {
      throw csvProblem(error) ?? error;
    } finally {
      cancel();
    }
    if (totals.inserted + totals.updated > 0) await optimizeDatabase();
    const result: ImportResult = {
      done: true,
      mode: options.mode,
      onExisting: options.onExisting,
      rows: checker.processed,
      ...totals,
      invalid: checker.invalid,
      problems: checker.problems,
      problemCount: checker.problemCount,
    };
    await recordAudit(ctx, {
      ...kind.audit,
      data: {
        mode: result.mode,
        onExisting: result.onExisting,
        rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
        skipped: result.skipped,
        invalid: result.invalid,
      },
    });
    return result;
  };
  return { run, cancel };
}

/** The import as a streamed NDJSON body: progress lines, then the result (or `{ done: true, error }`). */
export function importAsNdjson(prepared: PreparedImport, requestId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        send(await prepared.run((p) => send(p)));
      } catch (error) {
        // The file's own fault (a bad row, over the size or row limit: ValidationError, ImportTooLargeError) is said as is.
        const known =
          error instanceof AppError && error.status < 500 ? (error.invalidParams?.[0]?.reason ?? error.message) : null;
        if (!known)
          console.error(
            JSON.stringify({
              level: "error",
              requestId,
              path: "import",
              error: error instanceof Error ? error.stack : String(error),
            }),
          );
        send({
          done: true,
          error: known ?? "The import stopped because of an error on our side. Rows written before it stay written.",
          requestId,
        });
      }
      controller.close();
    },
    cancel() {
      prepared.cancel();
    },
  });
}

/** The HTTP answer of an import route: the NDJSON stream, never cached or buffered by a proxy. */
export function importResponse(prepared: PreparedImport, requestId: string): Response {
  return new Response(importAsNdjson(prepared, requestId), {
    status: 200,
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
