// The funnel's columns (invited, sent, delivered, started, completed, not invited), the same for a campaign and a
// trigger (lib/campaigns/service.ts `funnels`). The words are in messages/<locale>/surveys.json (funnel).
import type { getTranslations } from "next-intl/server";
import type { Column } from "@/components/ui/data-table";
import type { Formats } from "@/lib/i18n/format";
import type { Funnel } from "@/lib/campaigns/service";

type FunnelT = Awaited<ReturnType<typeof getTranslations<"surveys.funnel">>>;

/** `delivered: false` folds the bounces into the Sent column, for a table that needs the room (triggers). */
export function funnelColumns<T extends { funnel: Funnel }>(
  t: FunnelT,
  f: Formats,
  { delivered = true } = {},
): Column<T>[] {
  const pct = (part: number, whole: number) => (whole > 0 ? f.percent((100 * part) / whole, 0) : "—");
  const deliveredColumn: Column<T> = {
    header: t("delivered"),
    align: "right",
    className: "tabular-nums",
    cell: (c) => (
      <>
        {f.count(c.funnel.delivered)}
        {c.funnel.bounced ? (
          <span className="block text-xs text-slate-700">{t("bounced", { count: f.count(c.funnel.bounced) })}</span>
        ) : null}
      </>
    ),
  };
  return [
    { header: t("invited"), align: "right", className: "tabular-nums", cell: (c) => f.count(c.funnel.invited) },
    {
      header: t("sent"),
      align: "right",
      className: "tabular-nums",
      cell: (c) => (
        <>
          {f.count(c.funnel.sent)}
          {c.funnel.queued ? (
            <span className="block text-xs text-slate-700">{t("waiting", { count: f.count(c.funnel.queued) })}</span>
          ) : null}
          {!delivered && c.funnel.bounced ? (
            <span className="block text-xs text-slate-700">{t("bounced", { count: f.count(c.funnel.bounced) })}</span>
          ) : null}
        </>
      ),
    },
    ...(delivered ? [deliveredColumn] : []),
    { header: t("started"), align: "right", className: "tabular-nums", cell: (c) => f.count(c.funnel.started) },
    {
      header: t("completed"),
      align: "right",
      className: "tabular-nums",
      cell: (c) => (
        <>
          {f.count(c.funnel.completed)}
          <span className="block text-xs text-slate-700">
            {t("ofDelivered", { percent: pct(c.funnel.completed, c.funnel.delivered) })}
          </span>
        </>
      ),
    },
    {
      header: t("notInvited"),
      align: "right",
      className: "tabular-nums",
      cell: (c) => f.count(c.funnel.suppressed + c.funnel.cancelled),
    },
  ];
}
