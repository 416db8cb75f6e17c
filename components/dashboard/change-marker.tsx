// "▲ 4.1, significant" / "▼ 0.8, not significant": a difference b − a with its 95 % test (lib/metrics/compare.ts).
// The arrow is decoration; the words say the direction. Higher is better for NPS, CSAT and CES alike.
import { useTranslations } from "next-intl";
import type { Comparison } from "@/lib/metrics";
import { useFormats } from "@/components/i18n/use-formats";

type Props = { change: Comparison; decimals: number; points?: boolean; against?: string; testId?: string };

export function ChangeMarker({ change, decimals, points = false, against, testId = "change" }: Props) {
  const t = useTranslations("dashboard.change");
  const f = useFormats();
  const suffix = against ? <span className="block text-xs text-slate-600">{against}</span> : null;
  if (change.delta === null) {
    return (
      <p data-testid={testId} className="text-sm text-slate-600">
        {t("none")}
        {suffix}
      </p>
    );
  }
  const shown = f.number(Math.abs(change.delta), decimals);
  const zero = Number(Math.abs(change.delta).toFixed(decimals)) === 0;
  const up = change.delta > 0;
  const verdict =
    change.reason === "too_few_responses" ? "few" : change.significant ? "significant" : "not_significant";
  const tone = !change.significant ? "text-slate-700" : up ? "text-ok" : "text-danger";
  return (
    <p data-testid={testId} className={`text-sm ${tone}`}>
      {zero ? (
        <span className="font-semibold">{t("noChange")}</span>
      ) : (
        <span className="font-semibold tabular-nums">
          <span aria-hidden="true">{up ? "▲" : "▼"} </span>
          <span className="sr-only">{up ? t("up") : t("down")} </span>
          {points ? t("points", { value: shown }) : shown}
        </span>
      )}
      , {t("verdict", { verdict })}
      {suffix}
    </p>
  );
}
