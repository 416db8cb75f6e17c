// Loyalty stage of a customer, from their most recent NPS or CSAT answer (within 12 months) and how active
// they are (interactions + responses in the last 180 days). The ladder: satisfied → loyal → advocate.
//
//   at_risk    the most recent score is negative: NPS 0–6 or CSAT 1–2
//   advocate   the most recent score is an NPS 9–10 and they were active ≥ 3 times in 180 days
//   loyal      an NPS 9–10; or NPS 7–8 / CSAT 4–5 and active ≥ 3 times in 180 days
//   satisfied  NPS 7–8 or CSAT 4–5 (not active enough for loyal)
//   neutral    CSAT 3
//   unknown    no NPS or CSAT answer in the last 12 months
export type LoyaltyStage = "unknown" | "at_risk" | "neutral" | "satisfied" | "loyal" | "advocate";

export type LoyaltyInput = {
  latest: { metric: "nps" | "csat"; score: number; at: Date } | null;
  touches180d: number;
  now?: Date;
};

export const ACTIVE_TOUCHES = 3;
const YEAR_MS = 365 * 86_400_000;

export function loyaltyStage({ latest, touches180d, now = new Date() }: LoyaltyInput): LoyaltyStage {
  if (!latest || now.getTime() - latest.at.getTime() > YEAR_MS) return "unknown";
  const active = touches180d >= ACTIVE_TOUCHES;
  const { metric, score } = latest;
  if (metric === "nps") {
    if (score <= 6) return "at_risk";
    if (score >= 9) return active ? "advocate" : "loyal";
    return active ? "loyal" : "satisfied";
  }
  if (score <= 2) return "at_risk";
  if (score === 3) return "neutral";
  return active ? "loyal" : "satisfied";
}

export const LOYALTY_LABELS: Record<LoyaltyStage, string> = {
  unknown: "Unknown",
  at_risk: "At risk",
  neutral: "Neutral",
  satisfied: "Satisfied",
  loyal: "Loyal",
  advocate: "Advocate",
};
