// The drivers as a table (the chart's text alternative): relative weight with its 95 % interval, the mean
// score with n, the quadrant; a driver without a weight says why ("not enough data").
import { useTranslations } from "next-intl";
import type { DriverRow } from "@/lib/analytics/drivers";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { mean, pct, scaleText } from "./figures";

/** `drivers` in table order (rankDrivers), each with its number on the chart. */
export function DriverTable({ drivers }: { drivers: (DriverRow & { rank: number })[] }) {
  const t = useTranslations("reports.drivers.table");
  const tq = useTranslations("reports.drivers.quadrants");
  const f = useFormats();
  const ordered = drivers;
  return (
    <Table label={t("label")} caption={<span className="font-normal text-slate-600">{t("caption")}</span>}>
      <THead>
        <tr>
          <Th>{t("driver")}</Th>
          <Th>{t("weight")}</Th>
          <Th>{t("interval")}</Th>
          <Th>{t("performance")}</Th>
          <Th className="normal-case">n</Th>
          <Th>{t("quadrant")}</Th>
        </tr>
      </THead>
      <TBody>
        {ordered.map((d) => (
          <tr key={d.key} data-testid={`driver-${d.key}`}>
            <Th scope="row" className="font-medium normal-case">
              <span className="block min-w-40 whitespace-normal text-slate-900">
                <span className="mr-1 tabular-nums text-slate-500">{d.rank}.</span>
                {d.label}
              </span>
            </Th>
            {d.importance ? (
              <>
                <Td className="font-semibold tabular-nums">{pct(f, d.importance.share)}</Td>
                <Td className="tabular-nums whitespace-nowrap text-slate-700">
                  {pct(f, d.importance.shareInterval.low)} – {pct(f, d.importance.shareInterval.high)}
                </Td>
              </>
            ) : (
              <Td colSpan={2} className="text-slate-600 italic">
                {t(`status.${d.status as Exclude<DriverRow["status"], "ok">}`)}
              </Td>
            )}
            <Td className="tabular-nums whitespace-nowrap">
              {mean(f, d.performance.mean)}
              <span className="text-xs text-slate-500"> / {scaleText(d)}</span>
            </Td>
            <Td className="tabular-nums">{f.count(d.performance.n)}</Td>
            <Td className="whitespace-nowrap">{d.quadrant ? tq(d.quadrant) : "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
