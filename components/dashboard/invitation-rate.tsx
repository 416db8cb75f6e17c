// The response rate of invitations beside a metric's n (docs/metrics.md, "Response rate of invitations"): of the
// invitations to this metric's surveys delivered in the period, how many customers answered. Shown only where it
// is defined and invitations were delivered; the tile's n counts every answer, invited or not, so the line says
// what its base is.
import { useTranslations } from "next-intl";
import { shownInterval, type ResponseRate } from "@/lib/metrics";
import { useFormats } from "@/components/i18n/use-formats";

export function InvitationRate({ rate }: { rate: ResponseRate }) {
  const t = useTranslations("dashboard.tiles");
  const f = useFormats();
  // "38.3 % [30.1–47.3]": the Wilson interval from 30 delivered invitations (lib/metrics, formatResponseRate).
  const i = shownInterval(rate);
  const shown =
    rate.rate === null
      ? null
      : `${f.percent(rate.rate, 1)}${i ? ` [${f.number(i.low, 1)}\u2013${f.number(i.high, 1)}]` : ""}`;
  return (
    <p className="text-sm text-slate-700" data-testid="invitation-rate">
      {t.rich("responseRate", {
        rate: shown ?? "—",
        answered: f.count(rate.answered),
        delivered: f.count(rate.delivered),
        b: (chunks) => <span className="font-medium text-slate-900 tabular-nums">{chunks}</span>,
      })}
    </p>
  );
}
