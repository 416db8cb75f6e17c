// Formatting and chart points shared by the drivers chart and table (plain functions: usable on the server and the client).
import type { DriverRow } from "@/lib/analytics/drivers";
import type { Quadrant } from "@/lib/analytics/driver-quadrants";
import type { Formats } from "@/lib/i18n/format";

/** A share on 0–1 as "38.3 %" · "38,3 %" (the page's formatters, lib/i18n/format.ts). */
export const pct = (f: Formats, x: number) => `${f.number(100 * x, 1)} %`;
export const mean = (f: Formats, x: number | null) => (x === null ? "—" : f.number(x, 2));
export const scaleText = (d: Pick<DriverRow, "scale">) =>
  d.scale.min !== null && d.scale.max !== null ? `${d.scale.min}–${d.scale.max}` : "";

export type QuadrantPoint = {
  key: string;
  rank: number;
  label: string;
  x: number;
  y: number;
  low: number;
  high: number;
  n: number;
  quadrant: Quadrant;
};

/** Most important first; drivers without a weight last, in survey order. */
export function rankDrivers<T extends Pick<DriverRow, "importance">>(drivers: T[]): T[] {
  return [...drivers].sort((a, b) => (b.importance?.share ?? -1) - (a.importance?.share ?? -1));
}

/** Labels without the lead-in they all share ("How satisfied are you with: value for money?" → "Value for money"). */
export function shortLabels(labels: string[]): string[] {
  const cut = labels.length > 1 ? labels[0].lastIndexOf(": ") + 2 : 0;
  if (cut < 2 || !labels.every((l) => l.startsWith(labels[0].slice(0, cut)) && l.length > cut)) return labels;
  return labels.map((l) => (l.charAt(cut).toUpperCase() + l.slice(cut + 1)).replace(/\?$/, ""));
}

/** The drivers that have a weight, as chart points (share and interval in %), numbered by importance as in the table. */
export function toPoints(drivers: (DriverRow & { rank: number })[]): QuadrantPoint[] {
  return drivers.flatMap((d) =>
    d.importance && d.performance.mean !== null && d.quadrant
      ? [
          {
            key: d.key,
            rank: d.rank,
            label: d.label,
            x: d.performance.mean,
            y: 100 * d.importance.share,
            low: 100 * d.importance.shareInterval.low,
            high: 100 * d.importance.shareInterval.high,
            n: d.performance.n,
            quadrant: d.quadrant,
          },
        ]
      : [],
  );
}
