// "▲ 4.1, significant" / "▼ 0.8, not significant": a difference b − a with its 95 % test (lib/metrics/compare.ts).
// The arrow is decoration; the words say the direction. Higher is better for NPS, CSAT and CES alike.
import { formatNumber, type Comparison } from "@/lib/metrics";

type Props = { change: Comparison; decimals: number; unit?: string; against?: string; testId?: string };

export function ChangeMarker({ change, decimals, unit = "", against, testId = "change" }: Props) {
  const suffix = against ? <span className="block text-xs text-slate-600">{against}</span> : null;
  if (change.delta === null) {
    return (
      <p data-testid={testId} className="text-sm text-slate-600">
        No change to show: one side has no responses{suffix}
      </p>
    );
  }
  const shown = formatNumber(Math.abs(change.delta), decimals);
  const zero = Number(shown) === 0;
  const up = change.delta > 0;
  const verdict =
    change.reason === "too_few_responses"
      ? "too few responses to test"
      : change.significant
        ? "significant"
        : "not significant";
  const tone = !change.significant ? "text-slate-700" : up ? "text-ok" : "text-danger";
  return (
    <p data-testid={testId} className={`text-sm ${tone}`}>
      {zero ? (
        <span className="font-semibold">no change</span>
      ) : (
        <span className="font-semibold tabular-nums">
          <span aria-hidden="true">{up ? "▲" : "▼"} </span>
          <span className="sr-only">{up ? "up" : "down"} </span>
          {shown}
          {unit}
        </span>
      )}
      , {verdict}
      {suffix}
    </p>
  );
}
