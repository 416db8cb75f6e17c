// The end of an import: the counts, then every reported problem (row, field, reason). The reason is the API's English
// (docs/i18n.md "Errors"), worded in the page's language by the service-reasons table (useServiceReason; the page
// provides `errors.service`) with its ` (got "…")` apart; one the table does not know shows as it is, marked English.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { FormMessage } from "../ui/form-message";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { useFormats } from "../i18n/use-formats";
import { useServiceReason } from "../i18n/use-service-reason";
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
  const rowReason = useRowReason();
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
                <RowReason {...rowReason(p.reason)} />
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

/** A row's reason ends with the cell it refused: ` (got "maybe")`. */
const GOT = / \(got "(.*)"\)$/s;

function useRowReason(): (reason: string) => { text: string; english: boolean } {
  const locale = useLocale();
  const service = useServiceReason();
  const t = useTranslations("customers.import.wizard.summary");
  return (reason) => {
    if (locale === "en") return { text: reason, english: false };
    const got = GOT.exec(reason);
    const head = got ? reason.slice(0, got.index) : reason;
    const worded = service(head);
    if (worded === head) return { text: reason, english: true };
    return { text: got ? worded + t("got", { value: got[1] }) : worded, english: false };
  };
}

function RowReason({ text, english }: { text: string; english: boolean }) {
  return <Td lang={english ? "en" : undefined}>{text}</Td>;
}
