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
      for (;;) {
        const next = await batches.next();
        if (next.done) return controller.close();
        if (next.value.length === 0) continue;
        return controller.enqueue(encoder.encode(csvLines(next.value)));
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
