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

/** An API error (problem+json) as the browser shows it: its detail, and the fields or rows it names. */
export type ApiProblem = { message: string; params: Array<{ name: string; reason: string }> };

export function readProblem(status: number, text: string): ApiProblem {
  try {
    const p = JSON.parse(text) as { detail?: string; invalid_params?: Array<{ name: string; reason: string }> };
    return { message: p.detail || `The server answered ${status}.`, params: p.invalid_params ?? [] };
  } catch {
    return { message: `The server answered ${status}.`, params: [] };
  }
}

async function problemText(res: Response): Promise<string> {
  const p = readProblem(res.status, await res.text().catch(() => ""));
  const params = p.params.map((x) => `${x.name}: ${x.reason}`).join("; ");
  return params ? `${p.message} ${params}` : p.message;
}

export async function previewFile(file: File): Promise<Preview> {
  const res = await fetch("/api/v1/imports/customers/preview", {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  if (!res.ok) throw new Error(await problemText(res));
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
  const res = await fetch(`${endpoint}${endpoint.includes("?") ? "&" : "?"}${qs}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  if (!res.ok || !res.body) throw new Error(await problemText(res));
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
  if (!result) throw new Error("The import stopped before it finished; reload the page to see what was stored.");
  if (result.error) throw new Error(result.error);
  return result;
}
