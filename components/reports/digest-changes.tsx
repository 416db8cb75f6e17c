// One list of the digest's biggest significant changes (by touchpoint or by journey) as a table, with the
// count of figures that had too few responses to test. The same selection the e-mail lists (lib/digest/select.ts).
import type { ChangeSelection } from "@/lib/digest/select";
import { formatDelta, formatValue, METRIC_LABELS, placeName } from "@/lib/digest/present";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { nEquals } from "@/lib/metrics";

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
  const few =
    selection.tooFew > 0
      ? `${selection.tooFew} figure${selection.tooFew === 1 ? "" : "s"} had too few responses (under 30 in a week) to test.`
      : null;
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
              <Th>Where</Th>
              <Th>Change</Th>
              <Th className="text-right">This week</Th>
              <Th className="text-right">Week before</Th>
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
                    <span className="sr-only">{up ? "up" : "down"} </span>
                    {formatDelta(c.metric, c.delta)}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatValue(c.metric, c.current)}{" "}
                    <span className="block text-xs text-slate-600">{nEquals(c.nCurrent)}</span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatValue(c.metric, c.previous)}{" "}
                    <span className="block text-xs text-slate-600">{nEquals(c.nPrevious)}</span>
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {selection.significant > selection.changes.length ? (
        <p className="mt-2 text-sm text-slate-600">
          … and {selection.significant - selection.changes.length} more significant changes.
        </p>
      ) : null}
      {few ? <p className="mt-2 text-sm text-slate-600">{few}</p> : null}
    </section>
  );
}
