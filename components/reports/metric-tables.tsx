// Report tables: one per metric, one row per period, every figure with its interval and n.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { shownInterval, shownMargin, type CesResult, type CsatResult, type NpsResult } from "@/lib/metrics";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { Badge } from "../ui/badge";

export type PeriodRow<R> = { days: number; from: Date; to: Date; result: R };

const num = (f: Formats, x: number | null, d: number) => (x === null ? "—" : f.number(x, d));
// Below MIN_N no interval (lib/metrics/format.ts, shownInterval): a note under the period says "too few responses".
const range = (f: Formats, r: { low: number | null; high: number | null; enough: boolean }, d: number) => {
  const i = shownInterval(r);
  return i ? `${f.number(i.low, d)} – ${f.number(i.high, d)}` : "—";
};
// English keeps the "38.3 %" it always printed (a normal space); German writes its "38,3 %" with a no-break space.
const pct = (f: Formats, x: number) => (f.locale === "en" ? `${f.number(x, 1)} %` : f.percent(x, 1));

/** Only where a figure needs one: none, or too few responses to trust it (there is no column of "—"). */
function Note({ n, enough }: { n: number; enough: boolean }) {
  const t = useTranslations("reports.tables");
  const f = useFormats();
  if (n === 0) return <span className="mt-1 block text-xs font-normal text-slate-600">{t("noResponses")}</span>;
  if (!enough)
    return (
      <span className="mt-1 block">
        <Badge tone="warn">{t("tooFew", { n: f.nEquals(n) })}</Badge>
      </span>
    );
  return null;
}

function PeriodCell({ row }: { row: PeriodRow<{ n: number; enough: boolean }> }) {
  const t = useTranslations("reports.tables");
  const f = useFormats();
  return (
    <Th scope="row" className="font-medium normal-case">
      {t("lastDays", { days: row.days })}
      <span className="block text-xs font-normal text-slate-600">{f.period(row.from, row.to)}</span>
      <Note n={row.result.n} enough={row.result.enough} />
    </Th>
  );
}

function MetricTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  const t = useTranslations("reports.tables");
  return (
    <Table label={caption} caption={caption} className="mb-6">
      <THead>
        <tr>
          <Th>{t("period")}</Th>
          {headers.map((h) => (
            <Th key={h} className={h === "n" ? "normal-case" : ""}>
              {h}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>{children}</TBody>
    </Table>
  );
}

function dim(enough: boolean) {
  return enough ? "tabular-nums" : "tabular-nums text-slate-500";
}

export function NpsTable({ rows }: { rows: PeriodRow<NpsResult>[] }) {
  const t = useTranslations("reports.tables");
  const f = useFormats();
  return (
    <MetricTable caption={t("nps.caption")} headers={["NPS", t("interval"), "n", t("nps.split")]}>
      {rows.map((row) => {
        const r = row.result;
        const margin = shownMargin(r);
        return (
          <tr key={row.days}>
            <PeriodCell row={row} />
            <Td className={`text-lg font-semibold ${dim(r.enough)}`}>{num(f, r.nps, 0)}</Td>
            <Td className={`whitespace-nowrap ${dim(r.enough)}`}>
              {margin === null ? "—" : `± ${f.number(margin, 1)} (${range(f, r, 1)})`}
            </Td>
            <Td className="tabular-nums">{f.count(r.n)}</Td>
            <Td className="tabular-nums whitespace-nowrap">
              {r.n ? [r.promoters, r.passives, r.detractors].map(f.count).join(" · ") : "—"}
            </Td>
          </tr>
        );
      })}
    </MetricTable>
  );
}

export function CsatTable({ rows }: { rows: PeriodRow<CsatResult>[] }) {
  const t = useTranslations("reports.tables");
  const f = useFormats();
  return (
    <MetricTable caption={t("csat.caption")} headers={[t("csat.value"), t("csat.interval"), t("csat.mean"), "n"]}>
      {rows.map((row) => {
        const r = row.result;
        return (
          <tr key={row.days}>
            <PeriodCell row={row} />
            <Td className={`text-lg font-semibold ${dim(r.enough)}`}>{r.csat === null ? "—" : pct(f, r.csat)}</Td>
            <Td className={`whitespace-nowrap ${dim(r.enough)}`}>{range(f, r, 1)}</Td>
            <Td className={dim(r.enough)}>{num(f, r.mean, 2)}</Td>
            <Td className="tabular-nums">{f.count(r.n)}</Td>
          </tr>
        );
      })}
    </MetricTable>
  );
}

export function CesTable({ rows }: { rows: PeriodRow<CesResult>[] }) {
  const t = useTranslations("reports.tables");
  const f = useFormats();
  return (
    <MetricTable caption={t("ces.caption")} headers={[t("ces.mean"), t("ces.interval"), t("ces.agree"), "n"]}>
      {rows.map((row) => {
        const r = row.result;
        return (
          <tr key={row.days}>
            <PeriodCell row={row} />
            <Td className={`text-lg font-semibold ${dim(r.enough)}`}>{num(f, r.mean, 2)}</Td>
            <Td className={`whitespace-nowrap ${dim(r.enough)}`}>{range(f, r, 2)}</Td>
            <Td className={dim(r.enough)}>{r.agreePct === null ? "—" : pct(f, r.agreePct)}</Td>
            <Td className="tabular-nums">{f.count(r.n)}</Td>
          </tr>
        );
      })}
    </MetricTable>
  );
}
