// The four quadrants of importance × performance (no database code: the chart imports it in the browser).
export const QUADRANTS = ["fix-first", "keep-up", "maintain", "lower-priority"] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const QUADRANT_LABELS: Record<Quadrant, string> = {
  "fix-first": "Fix first",
  "keep-up": "Keep up",
  maintain: "Maintain",
  "lower-priority": "Lower priority",
};

/** High importance = share above the average share (1/m); high performance = mean above the drivers' average mean. */
export function quadrantOf(share: number, mean: number, cuts: { importance: number; performance: number }): Quadrant {
  const important = share > cuts.importance;
  const performing = mean >= cuts.performance;
  return important ? (performing ? "keep-up" : "fix-first") : performing ? "maintain" : "lower-priority";
}
