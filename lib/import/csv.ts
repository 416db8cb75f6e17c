// Streaming CSV reading for imports: records come out of csv-parse one at a time while the request body is
// still arriving, so a 100,000-row file never sits in memory. All-or-nothing imports read the file twice:
// the first pass copies the bytes to a temporary file as it validates, the second pass reads that copy.
// Limits (docs/security/limits.md): a body is refused with 413 before a byte of it is read when its declared
// length is over RESONANCE_IMPORT_MAX_BYTES, and stops with 413 the moment it grows past it (chunked
// uploads); a file with more than RESONANCE_IMPORT_MAX_ROWS data rows stops there. A multipart form is parsed
// as it arrives (busboy): the `file` part streams like a raw body, nothing is buffered whole.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PassThrough, Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { parse, CsvError } from "csv-parse";
import { AppError, ValidationError } from "../errors";
import { suggestMapping, type Mapping } from "./mapping";

export type Source = ReadableStream<Uint8Array> | Readable;

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(
      415,
      "Unsupported media type",
      "Send the CSV file as the request body (text/csv) or as the `file` field of multipart/form-data.",
    );
  }
}

export const DEFAULT_IMPORT_MAX_BYTES = 20_000_000;
export const DEFAULT_IMPORT_MAX_ROWS = 200_000;
/** What a multipart envelope (boundaries, part headers, small fields) may add to the file's own size. */
const MULTIPART_ALLOWANCE = 64 * 1024;

export type ImportLimits = { maxBytes: number; maxRows: number };

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value.replaceAll("_", ""));
  if (Number.isSafeInteger(n) && n > 0) return n;
  console.warn(`${name}=${value} is not a positive whole number; using ${fallback}`);
  return fallback;
}

/** RESONANCE_IMPORT_MAX_BYTES (default 20 MB) and RESONANCE_IMPORT_MAX_ROWS (default 200,000 data rows). */
export function importLimits(env: Partial<Record<string, string>> = process.env): ImportLimits {
  return {
    maxBytes: positiveInt(env.RESONANCE_IMPORT_MAX_BYTES, DEFAULT_IMPORT_MAX_BYTES, "RESONANCE_IMPORT_MAX_BYTES"),
    maxRows: positiveInt(env.RESONANCE_IMPORT_MAX_ROWS, DEFAULT_IMPORT_MAX_ROWS, "RESONANCE_IMPORT_MAX_ROWS"),
  };
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** 413 naming the limit and the setting that changes it. */
export class ImportTooLargeError extends AppError {
  constructor(what: "bytes" | "rows", limit: number) {
    const reason =
      what === "bytes"
        ? `The file is larger than the import limit of ${megabytes(limit)} (${limit.toLocaleString("en-US")} bytes, RESONANCE_IMPORT_MAX_BYTES). Split it into smaller files.`
        : `The file has more than the import limit of ${limit.toLocaleString("en-US")} rows (RESONANCE_IMPORT_MAX_ROWS). Split it into smaller files.`;
    super(413, "Payload too large", "The CSV file is over this server's import limit.", [
      { name: what === "bytes" ? "body" : "rows", reason, in: "body" },
    ]);
  }
}

function toNode(source: Source): Readable {
  return source instanceof Readable ? source : Readable.fromWeb(source as unknown as WebReadableStream<Uint8Array>);
}

/** How much of an upload's remainder is read and dropped after the import stopped reading it (see drain). */
const DRAIN_BYTES = 32 * 1024 * 1024;

/**
 * Reads and drops what is left of a request body the import stopped reading (over a limit, a bad header, a
 * row-count refusal): the client is still sending, and an unread body would stall the connection (the
 * response may never reach it, and the next request on it waits forever). Past DRAIN_BYTES more, the
 * connection is dropped instead.
 */
function drain(input: Readable) {
  if (input.readableEnded || input.destroyed) return;
  input.unpipe();
  input.removeAllListeners("data");
  input.on("error", () => {});
  let extra = 0;
  input.on("data", (chunk: Buffer) => {
    extra += chunk.length;
    if (extra > DRAIN_BYTES) input.destroy();
  });
  input.resume();
}

/**
 * The bytes of `input`, erroring with ImportTooLargeError once more than maxBytes passed. Whenever the
 * returned stream ends early (that error, or its reader gave up), the rest of `input` is drained.
 */
function capBytes(input: Readable, maxBytes: number): Readable {
  let seen = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen <= maxBytes ? null : new ImportTooLargeError("bytes", maxBytes), seen <= maxBytes ? chunk : undefined);
    },
  });
  input.on("error", (e) => out.destroy(e));
  out.on("close", () => drain(input));
  return input.pipe(out);
}

/** The `file` part of a multipart body as it arrives (cut off at maxBytes); the other parts are read past. */
function multipartFile(req: Request, body: Readable, maxBytes: number): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const malformed = (reason = "Not a readable multipart/form-data body") =>
      new ValidationError([{ name: "body", reason, in: "body" }]);
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { "content-type": req.headers.get("content-type") ?? "" },
        limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 64 * 1024, parts: 30 },
      });
    } catch {
      drain(body);
      return reject(malformed("Not a readable multipart/form-data body (no boundary)"));
    }
    let file: Readable | null = null;
    bb.on("file", (name, stream) => {
      if (name !== "file" || file) return void stream.resume();
      file = stream;
      stream.on("limit", () => stream.destroy(new ImportTooLargeError("bytes", maxBytes)));
      // Read or not, once the file is done with the rest of the body is only drained.
      stream.on("close", () => {
        body.unpipe(bb);
        drain(body);
      });
      resolve(stream);
    });
    bb.on("error", (error) => {
      if (file) file.destroy(error instanceof AppError ? error : malformed());
      else {
        drain(body);
        reject(error instanceof AppError ? error : malformed());
      }
    });
    bb.on("close", () => {
      if (!file) reject(new ValidationError([{ name: "file", reason: "Attach the CSV file as `file`", in: "body" }]));
    });
    body.on("error", (e) => bb.destroy(e));
    body.pipe(bb);
  });
}

/**
 * The CSV body of a request: raw text/csv or the `file` part of a multipart form, streamed and capped at
 * `limits.maxBytes` (413 before reading when the declared length is already over it).
 */
export async function csvBodyOf(req: Request, limits: ImportLimits = importLimits()): Promise<Source> {
  const type = (req.headers.get("content-type") ?? "text/csv").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart && (type.startsWith("application/json") || type.startsWith("application/x-www-form-urlencoded")))
    throw new UnsupportedMediaTypeError();
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limits.maxBytes + (multipart ? MULTIPART_ALLOWANCE : 0))
    throw new ImportTooLargeError("bytes", limits.maxBytes);
  if (!req.body)
    throw new ValidationError([{ name: multipart ? "file" : "body", reason: "The CSV file is empty", in: "body" }]);
  if (multipart)
    return multipartFile(req, capBytes(toNode(req.body), limits.maxBytes + MULTIPART_ALLOWANCE), limits.maxBytes);
  return capBytes(toNode(req.body), limits.maxBytes);
}

/**
 * Records as arrays of strings; the first one is the header. A BOM and blank lines are dropped. More than
 * `maxRows` records after the header stop the reading with ImportTooLargeError.
 */
export function readRecords(
  source: Source,
  maxRows = importLimits().maxRows,
): AsyncIterable<string[]> & { destroy: () => void } {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: 1_000_000 });
  const input = toNode(source);
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  async function* counted(): AsyncGenerator<string[]> {
    let n = 0;
    for await (const record of parser as unknown as AsyncIterable<string[]>) {
      if (++n > maxRows + 1) throw new ImportTooLargeError("rows", maxRows);
      yield record;
    }
  }
  return {
    [Symbol.asyncIterator]: counted,
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
  input.on("error", (e) => tee.destroy(e)); // pipe() does not pass errors on: the reader of `stream` must see them
  input.pipe(out);
  input.pipe(tee);
  return { stream: tee, done, remove: () => fs.rmSync(file, { force: true }) };
}

export function csvProblem(error: unknown): ValidationError | null {
  if (error instanceof CsvError)
    return new ValidationError([
      { name: "body", reason: `Not a readable CSV file: ${error.message.slice(0, 200)}`, in: "body" },
    ]);
  return null;
}

export type CsvPreview = { header: string[]; rows: string[][]; totalRows: number; suggestedMapping: Mapping };

/** Header, the first rows and the row count (the whole body is streamed through; only `limit` rows are kept). */
export async function previewCsv(source: Source, limit = 10): Promise<CsvPreview> {
  let header: string[] | null = null;
  const rows: string[][] = [];
  let totalRows = 0;
  const records = readRecords(source);
  try {
    for await (const record of records) {
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      totalRows++;
      if (rows.length < limit) rows.push(record);
    }
  } catch (error) {
    throw csvProblem(error) ?? error;
  } finally {
    records.destroy();
  }
  if (!header || header.every((h) => !h))
    throw new ValidationError([{ name: "body", reason: "The file has no header row", in: "body" }]);
  return { header, rows, totalRows, suggestedMapping: suggestMapping(header) };
}

/**
 * A whole small CSV file as its header and records (audience member lists, the unit tree): refuses, as
 * problem+json, a file without a header or without a record after it (`what` names the records: "customers").
 */
export async function readCsvTable(source: Source, what: string): Promise<{ header: string[]; records: string[][] }> {
  let header: string[] | null = null;
  const records: string[][] = [];
  const reader = readRecords(source);
  try {
    for await (const record of reader) {
      if (!header) header = record.map((h) => h.trim());
      else records.push(record);
    }
  } catch (error) {
    throw csvProblem(error) ?? error;
  } finally {
    reader.destroy();
  }
  if (!header || header.every((h) => !h))
    throw new ValidationError([{ name: "body", reason: "The file has no header row", in: "body" }]);
  if (records.length === 0)
    throw new ValidationError([{ name: "body", reason: `The file has no ${what} after the header`, in: "body" }]);
  return { header, records };
}
