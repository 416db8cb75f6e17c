// How a response's headline reads: "NPS 3 · Detractor", coloured by how good the category is.
import type { BadgeTone } from "../ui/badge";

// The words are in messages/<locale>/surveys.json (category.*).
export const CATEGORIES = [
  "promoter",
  "passive",
  "detractor",
  "satisfied",
  "neutral",
  "dissatisfied",
  "agree",
  "disagree",
] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (v: string | null): v is Category =>
  v !== null && (CATEGORIES as readonly string[]).includes(v);

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

/** The category filter's choices, per metric (the label of each is t(`category.${value}`)). */
export const CATEGORY_GROUPS: { label: string; options: Category[] }[] = [
  { label: "NPS", options: ["promoter", "passive", "detractor"] },
  { label: "CSAT", options: ["satisfied", "neutral", "dissatisfied"] },
  { label: "CES", options: ["agree", "neutral", "disagree"] },
];

export function categoryTone(category: string | null): BadgeTone {
  return (category && TONES[category]) || "neutral";
}
