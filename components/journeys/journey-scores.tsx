// The headline figures on a journey's card of /journeys: NPS and CSAT over the journey's touchpoints (as on its
// map: NPS with its margin of error, CSAT as the mean of 1–5; no interval and "too few responses" below n = 30)
// and how many of its touchpoints are friction points, in words and an icon as well as colour.
import { CircleCheck, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { JourneyScorecard } from "@/lib/journeys/scorecards";
import { useFormats } from "@/components/i18n/use-formats";
import { figureText, METRIC_NAMES, sampleNote } from "./figures";

const SHOWN = ["nps", "csat"] as const;

export function JourneyScores({ card }: { card: JourneyScorecard }) {
  const t = useTranslations("journeys.map");
  const tf = useTranslations("journeys.figures");
  const f = useFormats();
  return (
    <span className="flex flex-col gap-1 text-sm">
      {SHOWN.map((m) => {
        const p = card.metrics[m];
        return (
          <span key={m} className="block text-slate-700" data-metric={m}>
            {p.n === 0 ? (
              t("metricNoResponses", { metric: METRIC_NAMES[m] })
            ) : (
              <>
                <strong className={`font-semibold tabular-nums ${p.enough ? "text-slate-900" : "text-slate-600"}`}>
                  {figureText(p, f)}
                </strong>
                {p.value !== null && m !== "nps" ? (
                  <span className="text-slate-600">{tf("scale", { metric: m })}</span>
                ) : null}{" "}
                <span className="whitespace-nowrap text-slate-600 tabular-nums">{sampleNote(p.n, f)}</span>
                {p.enough ? null : <span className="text-slate-600"> · {t("tooFew")}</span>}
              </>
            )}
          </span>
        );
      })}
      {card.frictionPoints > 0 ? (
        <span className="flex items-center gap-1 font-medium text-red-800" data-testid="friction-count">
          <TriangleAlert aria-hidden="true" size={14} />
          {t("frictionPoints", { count: card.frictionPoints })}
        </span>
      ) : (
        <span className="flex items-center gap-1 text-slate-700" data-testid="friction-count">
          <CircleCheck aria-hidden="true" size={14} />
          {t("noFriction")}
        </span>
      )}
    </span>
  );
}
