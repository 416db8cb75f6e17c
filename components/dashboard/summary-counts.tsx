// Small count cards under the headline tiles, each linking to its list.
import Link from "next/link";
import type { DashboardSummary } from "@/lib/dashboard/summary";
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";

export function SummaryCounts({ summary }: { summary: DashboardSummary }) {
  const t = useTranslations("dashboard.counts");
  const f = useFormats();
  const items = [
    { href: "/customers", label: t("customers"), value: summary.customers, note: t("customersNote") },
    {
      href: "/interactions",
      label: t("interactions"),
      value: summary.interactionsInPeriod,
      note: t("interactionsNote"),
    },
    {
      href: "/cases?status=open",
      label: t("openCases"),
      value: summary.openCases,
      note: t("overdue", { count: summary.overdueCases }),
    },
  ];
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {items.map((it) => (
        <li key={it.href}>
          <Link
            href={it.href}
            className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-200 hover:bg-brand-50/40"
          >
            <span className="block text-sm text-slate-600">{it.label}</span>
            <span className="block text-2xl font-semibold tabular-nums text-slate-900">{f.count(it.value)}</span>
            <span className="block text-xs text-slate-600">{it.note}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
