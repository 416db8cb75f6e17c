// Streaming CSV reading for imports: records come out of csv-parse one at a time while the request body is
// still arriving, so a 100,000-row file never sits in memory. All-or-nothing imports read the file twice:
// the first pass copies the bytes to a temporary file as it validates, the second pass reads that copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parse, CsvError } from "csv-parse";
import { AppError, ValidationError } from "../http/errors";
import { suggestMapping, type Mapping } from "./mapping";

export type Source = ReadableStream<Uint8Array> | Readable;

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, "Unsupported media type", "Send the CSV file as the request body (text/csv) or as the `file` field of multipart/form-data.");
  }
}

function toNode(source: Source): Readable {
  return source instanceof Readable ? source : Readable.fromWeb(source as unknown as WebReadableStream<Uint8Array>);
}

/** The CSV body of a request: raw text/csv (streamed) or the `file` part of a multipart form. */
export async function csvBodyOf(req: Request): Promise<Source> {
  const type = (req.headers.get("content-type") ?? "text/csv").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData();
    const file = form.get("file");
    if (!file || typeof file === "string") throw new ValidationError([{ name: "file", reason: "Attach the CSV file as `file`", in: "body" }]);
    return file.stream();
  }
  if (type.startsWith("application/json") || type.startsWith("application/x-www-form-urlencoded")) throw new UnsupportedMediaTypeError();
  if (!req.body) throw new ValidationError([{ name: "body", reason: "The CSV file is empty", in: "body" }]);
  return req.body;
}

/** Records as arrays of strings; the first one is the header. A BOM and blank lines are dropped. */
export function readRecords(source: Source): AsyncIterable<string[]> & { destroy: () => void } {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: 1_000_000 });
  const input = toNode(source);
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  return {
    [Symbol.asyncIterator]: () => (parser as unknown as AsyncIterable<string[]>)[Symbol.asyncIterator](),
    destroy: () => {
      input.unpipe(parser);
      input.destroy();
      parser.destroy();
    },
  };
}

/** A copy of the body on disk for a second pass (all-or-nothing imports); remove() deletes it. */
export function spoolToDisk(source: Source): { stream: Readable; done: Promise<string>; remove: () => void } {
  const file = path.join(os.tmpdir(), `resonance-import-${randomUUID()}.csv`);
  const input = toNode(source);
  const tee = new PassThrough();
  const out = fs.createWriteStream(file);
  const done = new Promise<string>((resolve, reject) => {
    out.on("finish", () => resolve(file));
    out.on("error", reject);
    input.on("error", reject);
  });
  done.catch(() => {}); // observed by the caller after the first pass
  input.pipe(out);
  input.pipe(tee);
  return { stream: tee, done, remove: () => fs.rmSync(file, { force: true }) };
}

export function csvProblem(error: unknown): ValidationError | null {
  if (error instanceof CsvError) return new ValidationError([{ name: "body", reason: `Not a readable CSV file: ${error.message.slice(0, 200)}`, in: "body" }]);
  return null;
}

export type CsvPreview = { header: string[]; rows: string[][]; totalRows: number; suggestedMapping: Mapping };

/** Header, the first rows and the row count (the whole body is streamed through; only `limit` rows are kept). */
export async function previewCsv(source: Source, limit = 10): Promise<CsvPreview> {
  let header: string[] | null = null;
  const rows: string[][] = [];
  let totalRows = 0;
  try {
    for await (const record of readRecords(source)) {
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      totalRows++;
      if (rows.length < limit) rows.push(record);
    }
  } catch (error) {
    throw csvProblem(error) ?? error;
  }
  if (!header || header.every((h) => !h)) throw new ValidationError([{ name: "body", reason: "The file has no header row", in: "body" }]);
  return { header, rows, totalRows, suggestedMapping: suggestMapping(header) };
}
