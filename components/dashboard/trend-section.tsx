// The trend charts of the dashboard: NPS, CSAT and CES with their intervals, the NPS split and the volume,
// each with a table and a CSV download of the same series.
import { useLocale, useTranslations } from "next-intl";
import type { Trends } from "@/lib/analytics/service";
import { bucketLabel } from "@/lib/analytics/series";
import { INTL_TAGS, type AppLocale } from "@/lib/i18n/config";
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

/** The series with each point's label in the page's language ("3. Nov. 2026"); the API and CSV keep en-GB. */
function relabel(trends: Trends, intlTag: string): Trends {
  const bucket = trends.period.bucket;
  const label = <P extends { bucketStart: string; label: string }>(ps: P[]): P[] =>
    ps.map((p) => ({ ...p, label: bucketLabel(new Date(p.bucketStart), bucket, intlTag) }));
  return {
    ...trends,
    nps: label(trends.nps),
    csat: label(trends.csat),
    ces: label(trends.ces),
    volume: label(trends.volume),
  };
}

export function TrendSection({ trends: raw, query }: { trends: Trends; query: string }) {
  const t = useTranslations("dashboard.trends");
  const trends = relabel(raw, INTL_TAGS[useLocale() as AppLocale]);
  const bucket = trends.period.bucket;
  const csv = (series: CsvSeries) => `/api/v1/metrics/trend?${query ? `${query}&` : ""}format=csv&series=${series}`;
  const note = t("note");
  const npsBy = t("by", { metric: "NPS", bucket });
  const csatBy = t("by", { metric: "CSAT", bucket });
  const cesBy = t("by", { metric: "CES", bucket });
  const splitBy = t("split", { bucket });
  const responsesBy = t("responses", { bucket });
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartCard
        id="nps-trend"
        title={npsBy}
        description={t("npsDescription", { note })}
        csvHref={csv("nps")}
        table={<NpsTrendTable rows={trends.nps} caption={npsBy} />}
      >
        <TrendChart metric="nps" points={chartPoints(trends.nps)} title={npsBy} />
      </ChartCard>
      <ChartCard
        id="csat-trend"
        title={csatBy}
        description={t("csatDescription", { note })}
        csvHref={csv("csat")}
        table={<CsatTrendTable rows={trends.csat} caption={csatBy} />}
      >
        <TrendChart metric="csat" points={chartPoints(trends.csat)} title={csatBy} />
      </ChartCard>
      <ChartCard
        id="ces-trend"
        title={cesBy}
        description={t("cesDescription", { note })}
        csvHref={csv("ces")}
        table={<CesTrendTable rows={trends.ces} caption={cesBy} />}
      >
        <TrendChart metric="ces" points={chartPoints(trends.ces)} title={cesBy} />
      </ChartCard>
      <ChartCard
        id="nps-split"
        title={splitBy}
        description={t("splitDescription")}
        csvHref={csv("nps-split")}
        table={<NpsSplitTable rows={trends.nps} caption={splitBy} />}
      >
        <NpsSplitChart
          title={splitBy}
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
          title={responsesBy}
          description={t("volumeDescription")}
          csvHref={csv("volume")}
          table={<VolumeTable rows={trends.volume} caption={responsesBy} />}
        >
          <VolumeChart
            title={responsesBy}
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
