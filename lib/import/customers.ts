// Customer CSV import: header + mapping are checked before anything streams back (bad mapping → 400), then the
// records are validated row by row (same zod rules as createCustomer) and written in batches. Two modes:
// all_or_nothing validates the whole file first and writes nothing if any row is bad; skip_bad_rows writes
// the good rows and reports the bad ones. Existing customers (same externalId in this organization) are
// skipped or updated (`onExisting`). One audit event per import carries the counts.
import fs from "node:fs";
import type { Ctx } from "../auth/ctx";
import { optimizeDatabase } from "../db";
import { recordAudit } from "../audit/service";
import { ValidationError } from "../http/errors";
import type { CustomerInput } from "../customers/schema";
import { csvProblem, readRecords, spoolToDisk, type Source } from "./csv";
import { parseMappingParam, type ImportMode, type Mapping, type OnExisting } from "./mapping";
import { compileMapping, parseRow, type CompiledMapping, type RowProblem } from "./row";
import { writeBatch } from "./write";

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

type Records = ReturnType<typeof readRecords>;

/** Reads the header from the stream and checks the mapping against it; throws ValidationError before any write. */
async function openFile(source: Source, mappingText: string | undefined) {
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
    mapping = parseMappingParam(mappingText, header);
  } catch (error) {
    records.destroy();
    throw error;
  }
  return { header, mapping, columns: compileMapping(mapping, header), rest: { [Symbol.asyncIterator]: () => iterator }, records };
}

/** Validation state shared by both passes: counts, the kept problems and the externalIds seen so far. */
class Checker {
  processed = 0;
  valid = 0;
  invalid = 0;
  problemCount = 0;
  problems: RowProblem[] = [];
  private seen = new Map<string, number>();
  constructor(private readonly columns: CompiledMapping) {}

  check(record: string[]): CustomerInput | null {
    this.processed++;
    const row = this.processed + 1; // the header is row 1, as in a spreadsheet
    const parsed = parseRow(record, this.columns, row);
    let problems = parsed.ok ? [] : parsed.problems;
    if (parsed.ok && parsed.input.externalId) {
      const first = this.seen.get(parsed.input.externalId);
      if (first !== undefined) problems = [{ row, field: "externalId", reason: `Duplicate of row ${first} in this file` }];
      else this.seen.set(parsed.input.externalId, row);
    }
    if (problems.length || !parsed.ok) {
      this.invalid++;
      for (const p of problems) {
        this.problemCount++;
        if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
      }
      return null;
    }
    this.valid++;
    return parsed.input;
  }
}

export type PreparedImport = { run: (onProgress: (p: ImportProgress) => void) => Promise<ImportResult>; cancel: () => void };

/**
 * Opens the file and checks the mapping (throws ValidationError: nothing streamed yet, nothing written);
 * `run` then does the import, calling onProgress every ~1,000 rows.
 */
export async function prepareCustomerImport(ctx: Ctx, source: Source, options: ImportOptions): Promise<PreparedImport> {
  const spool = options.mode === "all_or_nothing" ? spoolToDisk(source) : null;
  let file: Awaited<ReturnType<typeof openFile>>;
  try {
    file = await openFile(spool ? spool.stream : source, options.mapping);
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
    let checker = new Checker(columns);
    const report = (phase: ImportProgress["phase"], c: Checker) => onProgress({ phase, processed: c.processed, valid: c.valid, invalid: c.invalid });
    const writeAll = async (records: AsyncIterable<string[]>, c: Checker) => {
      let batch: CustomerInput[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const r = await writeBatch(ctx, batch, options.onExisting);
        totals.inserted += r.inserted;
        totals.updated += r.updated;
        totals.skipped += r.skipped;
        batch = [];
      };
      for await (const record of records) {
        const input = c.check(record);
        if (input) batch.push(input);
        if (batch.length >= BATCH) await flush();
        if (c.processed % PROGRESS_EVERY === 0) report("write", c);
      }
      await flush();
    };

    try {
      if (spool) {
        // Pass 1: validate everything while the bytes are copied to disk.
        for await (const record of file.rest) {
          checker.check(record);
          if (checker.processed % PROGRESS_EVERY === 0) report("validate", checker);
        }
        report("validate", checker);
        const path = await spool.done;
        if (checker.invalid === 0) {
          // Pass 2: the copy on disk, now known to be good.
          const second = await openFile(fs.createReadStream(path), JSON.stringify(mapping));
          checker = new Checker(columns);
          await writeAll(second.rest, checker);
          report("write", checker);
        }
      } else {
        await writeAll(file.rest, checker);
        report("write", checker);
      }
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
      action: "customers.imported",
      entityType: "Customer",
      data: { mode: result.mode, onExisting: result.onExisting, rows: result.rows, inserted: result.inserted, updated: result.updated, skipped: result.skipped, invalid: result.invalid },
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
        const known = error instanceof ValidationError ? error.invalidParams?.[0]?.reason : null;
        if (!known) console.error(JSON.stringify({ level: "error", requestId, path: "import", error: error instanceof Error ? error.stack : String(error) }));
        send({ done: true, error: known ?? "The import stopped because of an error on our side. Rows written before it stay written.", requestId });
      }
      controller.close();
    },
    cancel() {
      prepared.cancel();
    },
  });
}
