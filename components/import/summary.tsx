// The end of an import: the counts, then every reported problem (row, field, reason).
import Link from "next/link";
import { FormMessage } from "../ui/form-message";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { formatCount } from "../ui/format";
import type { Result } from "./api";

export function ImportSummary({
  result,
  noun = "customer(s)",
  back = { href: "/customers", label: "Back to customers" },
}: {
  result: Result;
  noun?: string;
  back?: { href: string; label: string };
}) {
  const rejected = result.mode === "all_or_nothing" && result.invalid > 0;
  const counts: Array<[string, number]> = [
    ["Rows read", result.rows],
    ["Added", result.inserted],
    ["Updated", result.updated],
    ["Skipped (already there)", result.skipped],
    ["Rows with problems", result.invalid],
  ];
  return (
    <section aria-labelledby="import-result-heading" className="flex flex-col gap-4">
      <h2 id="import-result-heading" tabIndex={-1} className="text-lg font-semibold text-slate-900">
        Import finished
      </h2>
      <FormMessage tone={rejected ? "error" : "success"}>
        {rejected
          ? `Nothing was imported: ${result.invalid} row(s) have problems. Fix them and import again, or choose “Skip bad rows”.`
          : `${result.inserted} ${noun} added, ${result.updated} updated, ${result.skipped} skipped, ${result.invalid} row(s) not imported.`}
      </FormMessage>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {counts.map(([label, n]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold text-slate-900">{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {result.problems.length ? (
        <Table
          label="Rows with problems"
          caption={
            result.problemCount > result.problems.length
              ? `Problems (first ${formatCount(result.problems.length)} of ${formatCount(result.problemCount)}; row 1 is the header)`
              : "Problems (row 1 is the header)"
          }
        >
          <THead>
            <tr>
              <Th>Row</Th>
              <Th>Field</Th>
              <Th>Reason</Th>
            </tr>
          </THead>
          <TBody>
            {result.problems.map((p, i) => (
              <tr key={i}>
                <Td className="tabular-nums">{p.row}</Td>
                <Td className="font-mono text-xs">{p.field}</Td>
                <Td>{p.reason}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      <Link href={back.href} className="text-sm font-medium text-brand-700 underline">
        {back.label}
      </Link>
    </section>
  );
}
