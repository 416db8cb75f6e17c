// The funnel's columns (invited, sent, delivered, started, completed, not invited), the same for a campaign and a
// trigger (lib/campaigns/service.ts `funnels`).
import type { Column } from "@/components/ui/data-table";
import { formatCount } from "@/components/ui/format";
import type { Funnel } from "@/lib/campaigns/service";

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)} %` : "—");

/** `delivered: false` folds the bounces into the Sent column, for a table that needs the room (triggers). */
export function funnelColumns<T extends { funnel: Funnel }>({ delivered = true } = {}): Column<T>[] {
  const columns: Column<T>[] = [
    { header: "Invited", align: "right", className: "tabular-nums", cell: (c) => formatCount(c.funnel.invited) },
    {
      header: "Sent",
      align: "right",
      className: "tabular-nums",
      cell: (c) => (
        <>
          {formatCount(c.funnel.sent)}
          {c.funnel.queued ? (
            <span className="block text-xs text-slate-700">{formatCount(c.funnel.queued)} waiting</span>
          ) : null}
          {!delivered && c.funnel.bounced ? (
            <span className="block text-xs text-slate-700">{formatCount(c.funnel.bounced)} bounced</span>
          ) : null}
        </>
      ),
    },
    {
      header: "Delivered",
      align: "right",
      className: "tabular-nums",
      cell: (c) => (
        <>
          {formatCount(c.funnel.delivered)}
          {c.funnel.bounced ? (
            <span className="block text-xs text-slate-700">{formatCount(c.funnel.bounced)} bounced</span>
          ) : null}
        </>
      ),
    },
    { header: "Started", align: "right", className: "tabular-nums", cell: (c) => formatCount(c.funnel.started) },
    {
      header: "Completed",
      align: "right",
      className: "tabular-nums",
      cell: (c) => (
        <>
          {formatCount(c.funnel.completed)}
          <span className="block text-xs text-slate-700">
            {pct(c.funnel.completed, c.funnel.delivered)} of delivered
          </span>
        </>
      ),
    },
    {
      header: "Not invited",
      align: "right",
      className: "tabular-nums",
      cell: (c) => formatCount(c.funnel.suppressed + c.funnel.cancelled),
    },
  ];
  return delivered ? columns : columns.filter((c) => c.header !== "Delivered");
}
