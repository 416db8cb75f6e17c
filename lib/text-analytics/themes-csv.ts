// The query of /api/v1/metrics/themes (the dashboard's filters plus the metric and the format) and the themes table
// as CSV: one row per theme, exactly the figures the dashboard card shows, "too few" as a status.
import { z } from "zod";
import { csvLines } from "../csv/stream";
import { analyticsFiltersWith } from "../analytics/filters";
import { blank } from "../http/query-fields";
import { valueOf } from "../digest/select";
import type { ThemesReport } from "./themes-report";

export const THEME_METRICS = ["nps", "csat", "ces"] as const;

export const themesQuery = analyticsFiltersWith({
  metric: z.preprocess(blank, z.enum(THEME_METRICS, { error: "Use nps, csat or ces" }).default("nps")),
  format: z.preprocess(blank, z.enum(["json", "csv"], { error: "Use json or csv" }).default("json")),
});

export const themeTrendQuery = analyticsFiltersWith({
  metric: z.preprocess(blank, z.enum(THEME_METRICS, { error: "Use nps, csat or ces" }).default("nps")),
  /** One theme's key (the taxonomy's); none: every live theme. */
  theme: z.preprocess(
    blank,
    z
      .string()
      .max(40)
      .regex(/^[a-z0-9][a-z0-9-]*$/, "Not a theme key: lower-case letters, digits and hyphens")
      .optional(),
  ),
});

const num = (x: number | null | undefined, d: number) => (x === null || x === undefined ? null : Number(x.toFixed(d)));

export const THEME_CSV_COLUMNS = [
  "theme",
  "key",
  "mentions",
  "comments",
  "share_pct",
  "share_low_pct",
  "share_high_pct",
  "mean_sentiment",
  "metric",
  "mentioners_n",
  "mentioners_value",
  "others_n",
  "others_value",
  "difference",
  "difference_low",
  "difference_high",
  "significant",
  "contribution",
  "status",
] as const;

export function themesCsv(r: ThemesReport): string {
  return csvLines([
    [...THEME_CSV_COLUMNS],
    ...r.themes.map((t) => [
      t.name,
      t.theme,
      t.mentions,
      t.comments,
      num(t.share.share, 2),
      num(t.share.low, 2),
      num(t.share.high, 2),
      num(t.sentiment.mean, 3),
      r.metric,
      t.mentioners.n,
      num(valueOf(t.mentioners), 2),
      t.others.n,
      num(valueOf(t.others), 2),
      num(t.difference.delta, 2),
      num(t.difference.low, 2),
      num(t.difference.high, 2),
      t.difference.significant ? "yes" : "no",
      num(t.contribution.value, 2),
      t.enough ? "ok" : "too few",
    ]),
  ]);
}

export function themesCsvFilename(r: Pick<ThemesReport, "metric" | "period">): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `resonance-themes-${r.metric}-${day(r.period.from)}-to-${day(new Date(r.period.to.getTime() - 1))}.csv`;
}
