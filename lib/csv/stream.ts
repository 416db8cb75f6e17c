// CSV downloads, streamed: rows are produced batch by batch (usually one database page each) and a batch is
// read only when the client has taken the previous one (ReadableStream pull), so an export of any size never
// sits in memory and a slow client slows the database reads instead of filling a buffer. Every text cell is
// guarded against formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / CR
// followed by one), so such cells get a leading apostrophe, which spreadsheets show as text.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet may safely open it: a leading ' before = + - @ tab CR. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse, for imports of our own exports: drops the ' that guardCell added. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function toCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return guardCell(value);
}

/** CSV text of some records (guarded cells, "\n" line ends). */
export function csvLines(records: CsvCell[][]): string {
  return stringify(records.map((r) => r.map(toCell)));
}

/**
 * A streamed CSV body: the header, then each batch the generator yields. The generator is advanced once per
 * pull (backpressure) and closed when the client goes away (cancel → return), which ends its database reads.
 *
 * A failure after the first bytes (the 200 and its headers are out by then) must not look like the end of
 * the file: the stream is errored, never closed, and the server then resets the connection instead of
 * sending HTTP/1.1's terminating chunk — curl ends with "transfer closed with outstanding read data
 * remaining" (exit 18), fetch() rejects while reading the body. Only a body that ends normally is the whole
 * export. Every CSV export goes through here, so all of them fail the same way (docs/security/limits.md).
 */
export function csvStream(header: string[], batches: AsyncGenerator<CsvCell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLines([header])));
        return;
      }
      try {
        for (;;) {
          const next = await batches.next();
          if (next.done) return controller.close();
          if (next.value.length === 0) continue;
          return controller.enqueue(encoder.encode(csvLines(next.value)));
        }
      } catch (error) {
        console.error(
          JSON.stringify({
            level: "error",
            path: "csv-export",
            message: "export aborted mid-stream; the client gets a truncated body",
            error: error instanceof Error ? error.stack : String(error),
          }),
        );
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** The headers of a CSV download named `<name>-<YYYY-MM-DD>.csv`. */
export function csvHeaders(name: string): HeadersInit {
  const day = new Date().toISOString().slice(0, 10);
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${day}.csv"`,
    "cache-control": "no-store",
  };
}
