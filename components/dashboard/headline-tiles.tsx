// NPS, CSAT and CES tiles: value, 95 % interval, n, and the change vs the previous period with its
// significance. Figures formatted with lib/metrics (true minus sign).
import { formatNumber, type CesResult, type Comparison, type CsatResult, type NpsResult } from "@/lib/metrics";
import { ChangeMarker } from "./change-marker";
import { MetricTile } from "./metric-tile";
import { NpsSplitBar } from "./nps-split-bar";

const range = (low: number | null, high: number | null, decimals: number) =>
  low === null || high === null ? null : `[${formatNumber(low, decimals)} – ${formatNumber(high, decimals)}]`;

/** The change line of a tile; `against` names the previous period. */
export type TileChange = { change: Comparison; against: string };

export function NpsTile({ r, change }: { r: NpsResult; change?: TileChange }) {
  return (
    <MetricTile
      testId="tile-nps"
      title="NPS"
      subtitle="Net Promoter Score, −100 to 100"
      n={r.n}
      enough={r.enough}
      value={r.nps === null ? null : formatNumber(r.nps, 0)}
      interval={r.marginOfError === null ? null : `± ${formatNumber(r.marginOfError, 1)}`}
      change={
        change ? <ChangeMarker change={change.change} decimals={1} unit=" points" against={change.against} /> : null
      }
    >
      {r.n > 0 ? <NpsSplitBar promoters={r.promoters} passives={r.passives} detractors={r.detractors} /> : null}
    </MetricTile>
  );
}

export function CsatTile({ r, change }: { r: CsatResult; change?: TileChange }) {
  return (
    <MetricTile
      testId="tile-csat"
      title="CSAT"
      subtitle="Satisfied (4–5 on a 1–5 scale)"
      n={r.n}
      enough={r.enough}
      value={r.csat === null ? null : formatNumber(r.csat, 1)}
      unit=" %"
      interval={range(r.low, r.high, 1)}
      details={r.mean === null ? null : <>Mean {formatNumber(r.mean, 2)} of 5</>}
      change={
        change ? <ChangeMarker change={change.change} decimals={1} unit=" points" against={change.against} /> : null
      }
    />
  );
}

export function CesTile({ r, change }: { r: CesResult; change?: TileChange }) {
  return (
    <MetricTile
      testId="tile-ces"
      title="CES"
      subtitle={`Customer effort: mean on a ${r.scale.min}–${r.scale.max} scale (higher is easier)`}
      n={r.n}
      enough={r.enough}
      value={r.mean === null ? null : formatNumber(r.mean, 2)}
      interval={range(r.low, r.high, 2)}
      details={r.agreePct === null ? null : <>{formatNumber(r.agreePct, 1)} % agree it was easy (5–7)</>}
      change={change ? <ChangeMarker change={change.change} decimals={2} against={change.against} /> : null}
    />
  );
}
