// Browser side of the import API: preview a file, then run the import and read its NDJSON progress stream.
import type { Mapping } from "@/lib/import/mapping";

export type Preview = { header: string[]; rows: string[][]; totalRows: number; suggestedMapping: Mapping };
export type Progress = { phase: "validate" | "write"; processed: number; valid: number; invalid: number };
export type Problem = { row: number; field: string; reason: string };
export type Result = {
  done: true;
  error?: string;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  invalid: number;
  problems: Problem[];
  problemCount: number;
  mode: string;
};

/**
 * An API error (problem+json) as the browser shows it: its detail (the API's, English by design: docs/i18n.md
 * "Errors"), and the fields or rows it names. `message` null: the answer had no detail — the page words it by
 * `status` in its language (`problemMessage`); status 0: the server could not be reached.
 */
export type ApiProblem = { message: string | null; status: number; params: Array<{ name: string; reason: string }> };

/** `p` with its detail and each reason worded by `reason` (useServiceReason: the texts a service throws). */
export function localizeProblem(p: ApiProblem, reason: (text: string) => string): ApiProblem {
  return {
    ...p,
    message: p.message && reason(p.message),
    params: p.params.map((x) => ({ ...x, reason: reason(x.reason) })),
  };
}

export function readProblem(status: number, text: string): ApiProblem {
  try {
    const p = JSON.parse(text) as { detail?: string; invalid_params?: Array<{ name: string; reason: string }> };
    return { message: p.detail || null, status, params: p.invalid_params ?? [] };
  } catch {
    return { message: null, status, params: [] };
  }
}

/** The words a page gives a problem without a detail: "could not be reached", "answered 502", "could not be read". */
export type ProblemWords = (key: "offline" | "serverStatus" | "unreadable", values?: { status: number }) => string;

/** A problem's sentence: its detail, else the page's words for its status. */
export function problemMessage(p: ApiProblem, t: ProblemWords): string {
  if (p.message) return p.message;
  if (p.status === 0) return t("offline");
  return p.status < 300 ? t("unreadable") : t("serverStatus", { status: p.status });
}

/**
 * A failed preview or import: the problem, or `stopped` (the stream ended without a result), or `failed` (the
 * import's own final error, as the server words it).
 */
export class ImportFailure extends Error {
  constructor(
    readonly problem: ApiProblem | null,
    readonly stopped = false,
    readonly failed: string | null = null,
  ) {
    super(failed ?? problem?.message ?? (stopped ? "stopped" : `status ${problem?.status ?? 0}`));
  }
}

async function failure(res: Response): Promise<ImportFailure> {
  return new ImportFailure(readProblem(res.status, await res.text().catch(() => "")));
}

/** Fetch, with an unreachable server as a problem of status 0 (the page says "could not be reached"). */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ImportFailure({ message: null, status: 0, params: [] });
  }
}

export async function previewFile(file: File): Promise<Preview> {
  const res = await send("/api/v1/imports/customers/preview", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as Preview;
}

export async function runImport(
  endpoint: string,
  file: File,
  options: { mode: string; onExisting: string; mapping: Mapping },
  onProgress: (p: Progress) => void,
): Promise<Result> {
  const qs = new URLSearchParams({
    mode: options.mode,
    onExisting: options.onExisting,
    mapping: JSON.stringify(options.mapping),
  });
  const res = await send(`${endpoint}${endpoint.includes("?") ? "&" : "?"}${qs}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let result: Result | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const msg = JSON.parse(line) as Progress | Result;
      if ("done" in msg) result = msg;
      else onProgress(msg);
    }
    if (done) break;
  }
  if (!result) throw new ImportFailure(null, true);
  if (result.error) throw new ImportFailure(null, false, result.error);
  return result;
}
