// Sends a CSV body to an import route and reads the NDJSON answer (progress lines, then the result).
import { baseURL, type Json } from "./http";

export type Line = Record<string, Json>;

export async function postCsv(path: string, key: string, body: BodyInit, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" },
    body,
  };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await fetch(`${baseURL()}${path}${qs ? `?${qs}` : ""}`, init);
  const text = await res.text();
  const lines: Line[] = res.headers.get("content-type")?.includes("ndjson")
    ? text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
    : [];
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    lines,
    result: lines.at(-1) ?? {},
    body: lines.length ? null : JSON.parse(text),
  };
}

export const problemRows = (r: Line) => r.problems.map((p: Line) => `${p.row}:${p.field}`).sort();
