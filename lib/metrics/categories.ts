/**
 * Score scales and per-response categories (docs/metrics.md, "Conventions that apply to every figure").
 *
 * The category of a response's headline score is stored at write time, so these functions are
 * strict: anything that is not an integer on the metric's scale throws a RangeError.
 */

export type Metric = "nps" | "csat" | "ces";

export interface Scale {
  readonly min: number;
  readonly max: number;
}

export const METRIC_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
} as const satisfies Record<Metric, Scale>;

export type NpsCategory = "promoter" | "passive" | "detractor";
export type CsatCategory = "satisfied" | "neutral" | "dissatisfied";
export type CesCategory = "agree" | "neutral" | "disagree";

const METRIC_LABELS: Record<Metric, string> = { nps: "NPS", csat: "CSAT", ces: "CES" };

/** Throws a RangeError unless `score` is an integer within the metric's scale. */
export function assertScore(metric: Metric, score: number): void {
  const { min, max } = METRIC_SCALES[metric];
  if (typeof score !== "number" || !Number.isInteger(score) || score < min || score > max) {
    throw new RangeError(
      `${METRIC_LABELS[metric]} score must be an integer from ${min} to ${max}, got ${String(score)}`,
    );
  }
}

/** NPS (0–10): promoter 9–10, passive 7–8, detractor 0–6. */
export function npsCategory(score: number): NpsCategory {
  assertScore("nps", score);
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** CSAT (1–5): satisfied 4–5 (top-2-box), neutral 3, dissatisfied 1–2. */
export function csatCategory(score: number): CsatCategory {
  assertScore("csat", score);
  if (score >= 4) return "satisfied";
  if (score === 3) return "neutral";
  return "dissatisfied";
}

/** CES 2.0 (1 = strongly disagree … 7 = strongly agree): agree 5–7, neutral 4, disagree 1–3. */
export function cesCategory(score: number): CesCategory {
  assertScore("ces", score);
  if (score >= 5) return "agree";
  if (score === 4) return "neutral";
  return "disagree";
}
