// One list of the digest's biggest significant changes (by touchpoint or by journey) as a table, with the
// count of figures that had too few responses to test. The same selection the e-mail lists (lib/digest/select.ts).
import { useTranslations } from "next-intl";
import type { ChangeSelection } from "@/lib/digest/select";
import { deltaAmount, formatValue, METRIC_LABELS, placeName } from "@/lib/digest/present";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";

export function DigestChanges({
  id,
  title,
  selection,
  empty,
}: {
  id: string;
  title: string;
  selection: ChangeSelection;
  empty: string;
}) {
  const t = useTranslations("reports.digest.changes");
  const f = useFormats();
  const few = selection.tooFew > 0 ? t("tooFew", { count: selection.tooFew }) : null;
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-8" data-testid={id}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {selection.changes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">
          {empty}
        </p>
      ) : (
        <Table label={title}>
          <THead>
            <tr>
              <Th>{t("where")}</Th>
              <Th>{t("change")}</Th>
              <Th className="text-right">{t("thisWeek")}</Th>
              <Th className="text-right">{t("weekBefore")}</Th>
            </tr>
          </THead>
          <TBody>
            {selection.changes.map((c) => {
              const up = c.delta > 0;
              return (
                <tr key={`${c.id}-${c.metric}`}>
                  <Td className="min-w-32 font-medium text-slate-900">{placeName(c)}</Td>
                  {/* second, so that it stays in view on a phone while the figures scroll */}
                  <Td className={`font-semibold whitespace-nowrap tabular-nums ${up ? "text-ok" : "text-danger"}`}>
                    {METRIC_LABELS[c.metric]} <span aria-hidden="true">{up ? "▲" : "▼"} </span>
                    <span className="sr-only">{t("direction", { up: String(up) })} </span>
                    {t("delta", { metric: c.metric, amount: deltaAmount(c.metric, c.delta, f.number) })}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatValue(c.metric, c.current, f.number)}{" "}
                    <span className="block text-xs text-slate-600">{f.nEquals(c.nCurrent)}</span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatValue(c.metric, c.previous, f.number)}{" "}
                    <span className="block text-xs text-slate-600">{f.nEquals(c.nPrevious)}</span>
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {selection.significant > selection.changes.length ? (
        <p className="mt-2 text-sm text-slate-600">
          {t("more", { count: f.count(selection.significant - selection.changes.length) })}
        </p>
      ) : null}
      {few ? <p className="mt-2 text-sm text-slate-600">{few}</p> : null}
    </section>
  );
}
