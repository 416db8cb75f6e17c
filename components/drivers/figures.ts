// Formatting shared by the drivers chart and table (plain functions: usable on the server and the client).
import type { DriverRow } from "@/lib/analytics/drivers";

export const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
export const mean = (x: number | null) => (x === null ? "—" : x.toFixed(2));
export const scaleText = (d: Pick<DriverRow, "scale">) => (d.scale.min !== null && d.scale.max !== null ? `${d.scale.min}–${d.scale.max}` : "");

export const STATUS_TEXT: Record<Exclude<DriverRow["status"], "ok">, string> = {
  "too-few-responses": "Not enough data: fewer than 10 answers",
  "model-too-small": "Not enough data for weights",
  constant: "Every answer is the same: no weight",
};
