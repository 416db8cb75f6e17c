// The end of an import: the counts, then every reported problem (row, field, reason; the reason is the API's
// English, docs/i18n.md "Errors").
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormMessage } from "../ui/form-message";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { useFormats } from "../i18n/use-formats";
import type { Result } from "./api";
import type { ImportKindName } from "./kinds";

export function ImportSummary({
  result,
  kind = "customers",
  back = { href: "/customers", label: "customers" },
}: {
  result: Result;
  kind?: ImportKindName;
  /** `label`: which link's words (customers.import.wizard.summary.back). */
  back?: { href: string; label: "customers" | "interactions" | "responses" };
}) {
  const t = useTranslations("customers.import.wizard.summary");
  const f = useFormats();
  const rejected = result.mode === "all_or_nothing" && result.invalid > 0;
  const counts = [
    ["rows", result.rows],
    ["inserted", result.inserted],
    ["updated", result.updated],
    ["skipped", result.skipped],
    ["invalid", result.invalid],
  ] as const;
  return (
    <section aria-labelledby="import-result-heading" className="flex flex-col gap-4">
      <h2 id="import-result-heading" tabIndex={-1} className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <FormMessage tone={rejected ? "error" : "success"}>
        {rejected
          ? t("rejected", { invalid: result.invalid })
          : t("done", {
              kind,
              inserted: result.inserted,
              updated: result.updated,
              skipped: result.skipped,
              invalid: result.invalid,
            })}
      </FormMessage>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {counts.map(([label, n]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{t(`counts.${label}`)}</dt>
            <dd className="text-xl font-semibold text-slate-900">{f.count(n)}</dd>
          </div>
        ))}
      </dl>
      {result.problems.length ? (
        <Table
          label={t("problems")}
          caption={
            result.problemCount > result.problems.length
              ? t("captionSome", { shown: f.count(result.problems.length), total: f.count(result.problemCount) })
              : t("captionAll")
          }
        >
          <THead>
            <tr>
              <Th>{t("row")}</Th>
              <Th>{t("field")}</Th>
              <Th>{t("reason")}</Th>
            </tr>
          </THead>
          <TBody>
            {result.problems.map((p, i) => (
              <tr key={i}>
                <Td className="tabular-nums">{p.row}</Td>
                <Td className="font-mono text-xs">{p.field}</Td>
                <Td lang="en">{p.reason}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      <Link href={back.href} className="text-sm font-medium text-brand-700 underline">
        {t(`back.${back.label}`)}
      </Link>
    </section>
  );
}
