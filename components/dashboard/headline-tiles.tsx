// NPS, CSAT and CES tiles: value, 95 % interval, n, and the change vs the previous period with its
// significance. Figures formatted with lib/metrics (true minus sign).
import { useTranslations } from "next-intl";
import {
  shownInterval,
  shownMargin,
  type CesResult,
  type Comparison,
  type CsatResult,
  type NpsResult,
  type ResponseRate,
} from "@/lib/metrics";
import { useFormats } from "@/components/i18n/use-formats";
import type { Formats } from "@/lib/i18n/format";
import { ChangeMarker } from "./change-marker";
import { MetricTile } from "./metric-tile";
import { NpsSplitBar } from "./nps-split-bar";

// Below MIN_N the tile says "too few responses" and shows no interval (lib/metrics/format.ts, shownInterval).
const range = (f: Formats, r: { low: number | null; high: number | null; enough: boolean }, decimals: number) => {
  const i = shownInterval(r);
  return i ? `[${f.number(i.low, decimals)} – ${f.number(i.high, decimals)}]` : null;
};

/** The change line of a tile; `against` names the previous period. */
export type TileChange = { change: Comparison; against: string };

export function NpsTile({
  r,
  change,
  invitations,
}: {
  r: NpsResult;
  change?: TileChange;
  invitations?: ResponseRate | null;
}) {
  const t = useTranslations("dashboard.tiles");
  const f = useFormats();
  return (
    <MetricTile
      testId="tile-nps"
      title="NPS"
      subtitle={t("npsSubtitle")}
      n={r.n}
      enough={r.enough}
      invitations={invitations}
      value={r.nps === null ? null : f.number(r.nps, 0)}
      interval={shownMargin(r) === null ? null : `± ${f.number(shownMargin(r)!, 1)}`}
      change={change ? <ChangeMarker change={change.change} decimals={1} points against={change.against} /> : null}
    >
      {r.n > 0 ? <NpsSplitBar promoters={r.promoters} passives={r.passives} detractors={r.detractors} /> : null}
    </MetricTile>
  );
}

export function CsatTile({
  r,
  change,
  invitations,
}: {
  r: CsatResult;
  change?: TileChange;
  invitations?: ResponseRate | null;
}) {
  const t = useTranslations("dashboard.tiles");
  const f = useFormats();
  return (
    <MetricTile
      testId="tile-csat"
      title="CSAT"
      subtitle={t("csatSubtitle")}
      n={r.n}
      enough={r.enough}
      invitations={invitations}
      value={r.csat === null ? null : f.number(r.csat, 1)}
      unit={"\u00a0%"}
      interval={range(f, r, 1)}
      details={r.mean === null ? null : t("csatMean", { mean: f.number(r.mean, 2) })}
      change={change ? <ChangeMarker change={change.change} decimals={1} points against={change.against} /> : null}
    />
  );
}

export function CesTile({
  r,
  change,
  invitations,
}: {
  r: CesResult;
  change?: TileChange;
  invitations?: ResponseRate | null;
}) {
  const t = useTranslations("dashboard.tiles");
  const f = useFormats();
  return (
    <MetricTile
      testId="tile-ces"
      title="CES"
      subtitle={t("cesSubtitle", { min: r.scale.min, max: r.scale.max })}
      n={r.n}
      enough={r.enough}
      invitations={invitations}
      value={r.mean === null ? null : f.number(r.mean, 2)}
      interval={range(f, r, 2)}
      details={r.agreePct === null ? null : t("cesAgree", { pct: f.percent(r.agreePct, 1) })}
      change={change ? <ChangeMarker change={change.change} decimals={2} against={change.against} /> : null}
    />
  );
}
