// The trend charts of the dashboard: NPS, CSAT and CES with their intervals, the NPS split and the volume,
// each with a table and a CSV download of the same series.
import type { Trends } from "@/lib/analytics/service";
import type { CsvSeries } from "@/lib/analytics/csv";
import { ChartCard } from "./chart-card";
import { TrendChart, type ChartPoint } from "./trend-chart";
import { NpsSplitChart, VolumeChart } from "./bar-charts";
import { CesTrendTable, CsatTrendTable, NpsSplitTable, NpsTrendTable, VolumeTable } from "./trend-tables";

// Only what the charts draw goes to the browser.
const chartPoints = (ps: ChartPoint[]): ChartPoint[] =>
  ps.map(({ bucketStart, label, partial, n, value, low, high, enough }) => ({
    bucketStart,
    label,
    partial,
    n,
    value,
    low,
    high,
    enough,
  }));

export function TrendSection({ trends, query }: { trends: Trends; query: string }) {
  const by = `by ${trends.period.bucket}`;
  const csv = (series: CsvSeries) => `/api/v1/metrics/trend?${query ? `${query}&` : ""}format=csv&series=${series}`;
  const note = "Shaded: 95 % interval. Dashed line, hollow points: too few responses (n < 30).";
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartCard
        id="nps-trend"
        title={`NPS ${by}`}
        description={`Net Promoter Score (−100 to 100). ${note}`}
        csvHref={csv("nps")}
        table={<NpsTrendTable rows={trends.nps} caption={`NPS ${by}`} />}
      >
        <TrendChart metric="nps" points={chartPoints(trends.nps)} title={`NPS ${by}`} />
      </ChartCard>
      <ChartCard
        id="csat-trend"
        title={`CSAT ${by}`}
        description={`% satisfied (4–5 of 5), Wilson interval. ${note}`}
        csvHref={csv("csat")}
        table={<CsatTrendTable rows={trends.csat} caption={`CSAT ${by}`} />}
      >
        <TrendChart metric="csat" points={chartPoints(trends.csat)} title={`CSAT ${by}`} />
      </ChartCard>
      <ChartCard
        id="ces-trend"
        title={`CES ${by}`}
        description={`Mean ease on 1–7 (higher is easier), t-interval. ${note}`}
        csvHref={csv("ces")}
        table={<CesTrendTable rows={trends.ces} caption={`CES ${by}`} />}
      >
        <TrendChart metric="ces" points={chartPoints(trends.ces)} title={`CES ${by}`} />
      </ChartCard>
      <ChartCard
        id="nps-split"
        title={`NPS split ${by}`}
        description="Promoters, passives and detractors as shares of each period's NPS responses."
        csvHref={csv("nps-split")}
        table={<NpsSplitTable rows={trends.nps} caption={`NPS split ${by}`} />}
      >
        <NpsSplitChart
          title={`NPS split ${by}`}
          points={trends.nps.map(({ label, partial, n, enough, promoters, passives, detractors }) => ({
            label,
            partial,
            n,
            enough,
            promoters,
            passives,
            detractors,
          }))}
        />
      </ChartCard>
      <div className="lg:col-span-2">
        <ChartCard
          id="volume"
          title={`Responses ${by}`}
          description="Survey responses with a headline score, per metric."
          csvHref={csv("volume")}
          table={<VolumeTable rows={trends.volume} caption={`Responses ${by}`} />}
        >
          <VolumeChart
            title={`Responses ${by}`}
            points={trends.volume.map(({ label, partial, nps, csat, ces, total }) => ({
              label,
              partial,
              nps,
              csat,
              ces,
              total,
            }))}
          />
        </ChartCard>
      </div>
    </div>
  );
}
