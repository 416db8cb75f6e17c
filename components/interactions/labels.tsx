// Human words for stored codes: interaction outcome, emotion (face icon + word), response score.
import { FaceAngry, FaceGrinning, FaceNeutral, FaceSlightlyFrowning, FaceSlightlySmiling } from "lucide-react";
import { useTranslations } from "next-intl";
import { EMOTIONS } from "@/lib/interactions/schema";
import { Badge, type BadgeTone } from "../ui/badge";

// The words are in messages/<locale>/interactions.json (labels.outcome, labels.emotion, labels.category).
export const OUTCOME_TONES: Record<string, BadgeTone> = {
  resolved: "ok",
  follow_up: "warn",
  escalated: "danger",
  no_action: "neutral",
};
export type Outcome = "resolved" | "follow_up" | "escalated" | "no_action";
type Category = "promoter" | "passive" | "detractor" | "satisfied" | "neutral" | "dissatisfied" | "agree" | "disagree";

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const t = useTranslations("interactions.labels");
  const tone = OUTCOME_TONES[outcome];
  return <Badge tone={tone ?? "neutral"}>{tone ? t(`outcome.${outcome as Outcome}`) : outcome}</Badge>;
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
  const t = useTranslations("interactions.labels");
  if (emotion === null || emotion === undefined) return <span className="text-slate-500">—</span>;
  const def = EMOTIONS.find((e) => e.value === emotion);
  const Face = FACES[emotion as keyof typeof FACES];
  if (!def || !Face) return <span>{emotion}</span>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Face aria-hidden="true" size={18} className={FACE_COLOUR[emotion]} />
      {t(`emotion.${String(def.value) as "0"}`)}
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
  const t = useTranslations("interactions.labels");
  if (score === null) return <span className="text-slate-500">{t("score.none")}</span>;
  const scale = metric === "nps" ? "0–10" : metric === "csat" ? "1–5" : metric === "ces" ? "1–7" : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="font-medium whitespace-nowrap tabular-nums">
        {metric ? `${metric.toUpperCase()} ` : ""}
        {score}
        {scale ? <span className="font-normal text-slate-600"> {t("score.on", { scale })}</span> : null}
      </span>
      {category ? (
        <Badge tone={CATEGORY_TONE[category] ?? "neutral"}>
          {category in CATEGORY_TONE ? t(`category.${category as Category}`) : category}
        </Badge>
      ) : null}
    </span>
  );
}
