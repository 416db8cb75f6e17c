// Filters as links (shareable URLs): status, and all cases / my cases.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "../ui/pagination";

type Props = { status?: string; mine: boolean };

function Pill({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-flex min-h-9 items-center rounded-full border px-3 text-sm font-medium ${
        current
          ? "border-brand-600 bg-brand-600 text-white"
          : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
      }`}
    >
      {children}
    </Link>
  );
}

export function CaseFilters({ status, mine }: Props) {
  const t = useTranslations("cases");
  const statuses = [
    { value: undefined, label: t("filters.all") },
    { value: "open", label: t("statusLabel.open") },
    { value: "in_progress", label: t("statusLabel.in_progress") },
    { value: "resolved", label: t("statusLabel.resolved") },
  ];
  const mineParam = mine ? "true" : undefined;
  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-6">
      <nav aria-label={t("filters.status")} className="flex flex-wrap gap-2">
        {statuses.map((s) => (
          <Pill
            key={s.value ?? "all"}
            href={hrefWith("/cases", { status: s.value, mine: mineParam })}
            current={status === s.value}
          >
            {s.label}
          </Pill>
        ))}
      </nav>
      <nav aria-label={t("filters.owner")} className="flex flex-wrap gap-2">
        <Pill href={hrefWith("/cases", { status })} current={!mine}>
          {t("filters.allCases")}
        </Pill>
        <Pill href={hrefWith("/cases", { status, mine: "true" })} current={mine}>
          {t("filters.mine")}
        </Pill>
      </nav>
    </div>
  );
}
