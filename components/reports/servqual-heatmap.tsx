// The SERVQUAL view of the experience-gap report: a heatmap with one row per touchpoint and one column per
// dimension, each cell the gap perception − expectation (1–7 scale) with its n, coloured on a diverging
// scale around 0 (ColorBrewer RdBu, readable with the common colour-vision deficiencies: shortfall red,
// surplus blue), "too few" cells hatched grey. The figures are printed in every cell, so the colour is never
// the only carrier; the full table (means, intervals) follows as the table alternative.
import { useTranslations } from "next-intl";
import type { ServqualCell, ServqualDimension, ServqualRow } from "@/lib/journeys/servqual";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { gapFigures } from "./gap-figures";
import { TouchpointName } from "./touchpoint-name";

// RdBu (ColorBrewer), three steps each side; the strongest steps carry white text (contrast ≥ 4.5:1).
const SHORT = ["bg-[#fddbc7] text-slate-900", "bg-[#f4a582] text-slate-900", "bg-[#b2182b] text-white"];
const SURPLUS = ["bg-[#d1e5f0] text-slate-900", "bg-[#92c5de] text-slate-900", "bg-[#2166ac] text-white"];
const HATCH = "bg-[repeating-linear-gradient(45deg,#f1f5f9_0,#f1f5f9_6px,#e2e8f0_6px,#e2e8f0_12px)] text-slate-600";

/** Cell colour: by the size of the gap (|gap| < 0.25 neutral, then 0.25 / 0.75 / 1.25 points), hatched below 30 pairs. */
export function cellTone(c: ServqualCell): string {
  if (c.status === "no_pairs" || c.status === "too_few" || c.gap.mean === null) return HATCH;
  const size = Math.abs(c.gap.mean);
  if (size < 0.25) return "bg-white text-slate-900";
  const step = size < 0.75 ? 0 : size < 1.25 ? 1 : 2;
  return (c.gap.mean < 0 ? SHORT : SURPLUS)[step];
}

export function ServqualHeatmap({
  rows,
  dimensions,
  query,
}: {
  rows: ServqualRow[];
  dimensions: readonly ServqualDimension[];
  query: string;
}) {
  const t = useTranslations("reports.gaps.servqual");
  const f = useFormats();
  const { signed } = gapFigures(f);
  return (
    <>
      <p
        className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700 print:[print-color-adjust:exact]"
        data-testid="servqual-legend"
      >
        <span>{t("legend.cell")}</span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm bg-[#b2182b]" />
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm bg-[#f4a582]" /> {t("legend.shortfall")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm border border-slate-200 bg-white" />{" "}
          {t("legend.within", { d: f.number(0.25, 2) })}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm bg-[#92c5de]" />
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-sm bg-[#2166ac]" /> {t("legend.above")}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-3 w-6 rounded-sm ${HATCH}`} /> {t("legend.tooFew")}
        </span>
        <span>{t("legend.sig")}</span>
      </p>
      <Table
        label={t("heatmapLabel")}
        className="print:overflow-visible print:rounded-none print:border-0 print:shadow-none print:[print-color-adjust:exact]"
      >
        <THead>
          <tr>
            <Th className="sticky left-0 z-10 bg-slate-50">{t("touchpoint")}</Th>
            {dimensions.map((d) => (
              <Th key={d} className="text-center">
                {t(`dimensions.${d}`)}
              </Th>
            ))}
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <tr key={r.touchpoint.id}>
              <Th scope="row" className="sticky left-0 z-10 bg-white font-medium normal-case">
                <div className="min-w-32 whitespace-normal">
                  <TouchpointName row={r} query={query} />
                </div>
              </Th>
              {r.cells.map((c) => (
                <td
                  key={c.dimension}
                  data-dimension={c.dimension}
                  data-status={c.status}
                  className={`border border-white px-2 py-2 text-center tabular-nums ${cellTone(c)}`}
                >
                  <span className={`block text-base ${c.significant ? "font-bold" : "font-medium"}`}>
                    {signed("ces", c.gap.mean)}
                  </span>
                  <span className="block text-xs whitespace-nowrap">
                    n {f.count(c.gap.n)}
                    {c.status === "too_few" || c.status === "no_pairs"
                      ? ` · ${t("cellTooFew")}`
                      : c.significant
                        ? ` · ${t("cellSig")}`
                        : ""}
                  </span>
                  <span className="sr-only">
                    {" "}
                    {t("cellVerdict", { dimension: t(`dimensions.${c.dimension}`), verdict: t(`verdict.${c.status}`) })}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}

/** The table alternative: every cell's means, gap and interval, one line per touchpoint and dimension. */
export function ServqualTable({ rows }: { rows: ServqualRow[] }) {
  const t = useTranslations("reports.gaps.servqual");
  const f = useFormats();
  const { fmt, signed } = gapFigures(f);
  return (
    <Table
      label={t("tableLabel")}
      caption={<span className="font-normal text-slate-600">{t("tableCaption")}</span>}
      className="print:overflow-visible print:rounded-none print:border-0 print:shadow-none"
    >
      <THead>
        <tr>
          <Th>{t("touchpoint")}</Th>
          <Th>{t("dimension")}</Th>
          <Th>{t("perception")}</Th>
          <Th>{t("expectation")}</Th>
          <Th>{t("gap")}</Th>
          <Th>{t("interval")}</Th>
          <Th className="normal-case">{t("nPairs")}</Th>
          <Th>{t("verdictHeader")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.flatMap((r) =>
          r.cells.map((c) => (
            <tr key={`${r.touchpoint.id}:${c.dimension}`}>
              <Td className="whitespace-nowrap">{r.touchpoint.name}</Td>
              <Td>{t(`dimensions.${c.dimension}`)}</Td>
              <Td className="tabular-nums">{fmt("ces", c.perception.mean)}</Td>
              <Td className="tabular-nums">{fmt("ces", c.expectation.mean)}</Td>
              <Td className={`tabular-nums ${c.significant ? "font-semibold" : ""}`}>{signed("ces", c.gap.mean)}</Td>
              <Td className="tabular-nums whitespace-nowrap">
                {c.gap.low === null || c.gap.high === null
                  ? "—"
                  : t("range", { low: signed("ces", c.gap.low), high: signed("ces", c.gap.high) })}
              </Td>
              <Td className="tabular-nums">{f.count(c.gap.n)}</Td>
              <Td className="whitespace-nowrap">{t(`verdict.${c.status}`)}</Td>
            </tr>
          )),
        )}
      </TBody>
    </Table>
  );
}
