// Human words for stored codes: interaction outcome, emotion (face icon + word), response score.
import { FaceAngry, FaceGrinning, FaceNeutral, FaceSlightlyFrowning, FaceSlightlySmiling } from "lucide-react";
import { EMOTIONS } from "@/lib/interactions/schema";
import { Badge, type BadgeTone } from "../ui/badge";

export const OUTCOME_LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  resolved: { label: "Resolved", tone: "ok" },
  follow_up: { label: "Follow-up", tone: "warn" },
  escalated: { label: "Escalated", tone: "danger" },
  no_action: { label: "No action", tone: "neutral" },
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const o = OUTCOME_LABELS[outcome] ?? { label: outcome, tone: "neutral" as const };
  return <Badge tone={o.tone}>{o.label}</Badge>;
}

export const FACES = {
  [-2]: FaceAngry,
  [-1]: FaceSlightlyFrowning,
  0: FaceNeutral,
  1: FaceSlightlySmiling,
  2: FaceGrinning,
} as const;
export const FACE_COLOUR: Record<number, string> = {
  [-2]: "text-red-700",
  [-1]: "text-orange-700",
  0: "text-slate-500",
  1: "text-brand-600",
  2: "text-green-700",
};

export function EmotionLabel({ emotion }: { emotion: number | null }) {
  if (emotion === null || emotion === undefined) return <span className="text-slate-500">—</span>;
  const def = EMOTIONS.find((e) => e.value === emotion);
  const Face = FACES[emotion as keyof typeof FACES];
  if (!def || !Face) return <span>{emotion}</span>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Face aria-hidden="true" size={18} className={FACE_COLOUR[emotion]} />
      {def.label}
    </span>
  );
}

const CATEGORY_TONE: Record<string, BadgeTone> = {
  promoter: "ok",
  satisfied: "ok",
  agree: "ok",
  passive: "neutral",
  neutral: "neutral",
  detractor: "danger",
  dissatisfied: "danger",
  disagree: "danger",
};

export function ScoreLabel({
  metric,
  score,
  category,
}: {
  metric: string | null;
  score: number | null;
  category: string | null;
}) {
  if (score === null) return <span className="text-slate-500">No score</span>;
  const scale = metric === "nps" ? "0–10" : metric === "csat" ? "1–5" : metric === "ces" ? "1–7" : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="font-medium whitespace-nowrap tabular-nums">
        {metric ? `${metric.toUpperCase()} ` : ""}
        {score}
        {scale ? <span className="font-normal text-slate-600"> on {scale}</span> : null}
      </span>
      {category ? <Badge tone={CATEGORY_TONE[category] ?? "neutral"}>{category}</Badge> : null}
    </span>
  );
}
