// NPS, CSAT and CES tiles: value, 95 % interval, n, and the change vs the previous period with its
// significance. Figures formatted with lib/metrics (true minus sign).
import {
  formatNumber,
  shownInterval,
  shownMargin,
  type CesResult,
  type Comparison,
  type CsatResult,
  type NpsResult,
  type ResponseRate,
} from "@/lib/metrics";
import { ChangeMarker } from "./change-marker";
import { MetricTile } from "./metric-tile";
import { NpsSplitBar } from "./nps-split-bar";

// Below MIN_N the tile says "too few responses" and shows no interval (lib/metrics/format.ts, shownInterval).
const range = (r: { low: number | null; high: number | null; enough: boolean }, decimals: number) => {
  const i = shownInterval(r);
  return i ? `[${formatNumber(i.low, decimals)} – ${formatNumber(i.high, decimals)}]` : null;
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
  return (
    <MetricTile
      testId="tile-nps"
      title="NPS"
      subtitle="Net Promoter Score, −100 to 100"
      n={r.n}
      enough={r.enough}
      invitations={invitations}
      value={r.nps === null ? null : formatNumber(r.nps, 0)}
      interval={shownMargin(r) === null ? null : `± ${formatNumber(shownMargin(r)!, 1)}`}
      change={
        change ? <ChangeMarker change={change.change} decimals={1} unit=" points" against={change.against} /> : null
      }
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
  return (
    <MetricTile
      testId="tile-csat"
      title="CSAT"
      subtitle="Satisfied (4–5 on a 1–5 scale)"
      n={r.n}
      enough={r.enough}
      invitations={invitations}
      value={r.csat === null ? null : formatNumber(r.csat, 1)}
      unit=" %"
      interval={range(r, 1)}
      details={r.mean === null ? null : <>Mean {formatNumber(r.mean, 2)} of 5</>}
      change={
        change ? <ChangeMarker change={change.change} decimals={1} unit=" points" against={change.against} /> : null
      }
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
  return (
    <MetricTile
      testId="tile-ces"
      title="CES"
      subtitle={`Customer effort: mean on a ${r.scale.min}–${r.scale.max} scale (higher is easier)`}
      n={r.n}
      enough={r.enough}
      invitations={invitations}
      value={r.mean === null ? null : formatNumber(r.mean, 2)}
      interval={range(r, 2)}
      details={r.agreePct === null ? null : <>{formatNumber(r.agreePct, 1)} % agree it was easy (5–7)</>}
      change={change ? <ChangeMarker change={change.change} decimals={2} against={change.against} /> : null}
    />
  );
}
