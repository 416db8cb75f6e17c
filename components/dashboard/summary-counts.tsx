// Small count cards under the headline tiles, each linking to its list.
import Link from "next/link";
import type { DashboardSummary } from "@/lib/dashboard/summary";
import { formatCount } from "../ui/format";

export function SummaryCounts({ summary }: { summary: DashboardSummary }) {
  const items = [
    { href: "/customers", label: "Customers", value: summary.customers, note: "in total" },
    { href: "/interactions", label: "Interactions", value: summary.interactionsInPeriod, note: "in the period" },
    {
      href: "/cases?status=open",
      label: "Open cases",
      value: summary.openCases,
      note: summary.overdueCases > 0 ? `${formatCount(summary.overdueCases)} overdue` : "none overdue",
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
            <span className="block text-2xl font-semibold tabular-nums text-slate-900">{formatCount(it.value)}</span>
            <span className="block text-xs text-slate-600">{it.note}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
