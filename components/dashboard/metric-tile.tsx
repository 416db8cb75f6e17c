// One headline figure with its interval and sample size. Below MIN_N the figure stays visible but dimmed
// and flagged "too few responses (n = …)" (docs/metrics.md, "Conventions that apply to every figure").
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ResponseRate } from "@/lib/metrics";
import { Badge } from "../ui/badge";
import { InvitationRate } from "./invitation-rate";

type Props = {
  testId: string;
  title: string;
  subtitle: string;
  n: number;
  enough: boolean;
  value: string | null;
  unit?: string;
  interval: string | null;
  details?: ReactNode;
  /** The change vs the previous period (ChangeMarker). */
  change?: ReactNode;
  /** The response rate of the invitations to this metric's surveys in the period; nothing when none exists. */
  invitations?: ResponseRate | null;
  children?: ReactNode;
};

export function MetricTile({
  testId,
  title,
  subtitle,
  n,
  enough,
  value,
  unit,
  interval,
  details,
  change,
  invitations,
  children,
}: Props) {
  const t = useTranslations("dashboard.tiles");
  const headingId = `${testId}-title`;
  const nTag = (chunks: ReactNode) => <span data-testid="n">{chunks}</span>;
  // Dimmed, yet still readable (slate-500 keeps 4.7:1 contrast on white).
  const dim = !enough ? "text-slate-500" : "text-slate-900";
  return (
    <section
      data-testid={testId}
      aria-labelledby={headingId}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div>
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-xs text-slate-600">{subtitle}</p>
      </div>
      {value === null ? (
        <p className="text-3xl font-semibold text-slate-300">
          <span aria-hidden="true">—</span>
          <span className="sr-only">{t("noFigure")}</span>
        </p>
      ) : (
        <p className={`flex flex-wrap items-baseline gap-x-2 ${dim}`}>
          <span className="text-4xl font-semibold tracking-tight tabular-nums">
            {value}
            {unit ? <span className="text-2xl">{unit}</span> : null}
          </span>
          {interval ? <span className="text-sm tabular-nums text-slate-600">{interval}</span> : null}
        </p>
      )}
      <p className="text-sm text-slate-700">
        {n === 0 ? (
          t.rich("noResponses", { v: nTag })
        ) : enough ? (
          t.rich("enough", { v: nTag, n })
        ) : (
          <Badge tone="warn">
            <span>{t.rich("tooFew", { v: nTag, n })}</span>
          </Badge>
        )}
      </p>
      {invitations ? <InvitationRate rate={invitations} /> : null}
      {details ? <div className="text-sm text-slate-700">{details}</div> : null}
      {change}
      {children}
    </section>
  );
}
