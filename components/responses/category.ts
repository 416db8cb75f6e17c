// How a response's headline reads: "NPS 3 · Detractor", coloured by how good the category is.
import type { BadgeTone } from "../ui/badge";

export const CATEGORY_LABELS: Record<string, string> = {
  promoter: "Promoter",
  passive: "Passive",
  detractor: "Detractor",
  satisfied: "Satisfied",
  neutral: "Neutral",
  dissatisfied: "Dissatisfied",
  agree: "Agree (easy)",
  disagree: "Disagree (hard)",
};

const TONES: Record<string, BadgeTone> = {
  promoter: "ok",
  satisfied: "ok",
  agree: "ok",
  passive: "warn",
  neutral: "warn",
  detractor: "danger",
  dissatisfied: "danger",
  disagree: "danger",
};

export const METRIC_LABELS: Record<string, string> = { nps: "NPS", csat: "CSAT", ces: "CES" };

/** The category filter's choices, per metric. */
export const CATEGORY_GROUPS = [
  { label: "NPS", options: ["promoter", "passive", "detractor"] },
  { label: "CSAT", options: ["satisfied", "neutral", "dissatisfied"] },
  { label: "CES", options: ["agree", "neutral", "disagree"] },
].map((g) => ({ label: g.label, options: g.options.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) }));

export function categoryTone(category: string | null): BadgeTone {
  return (category && TONES[category]) || "neutral";
}
