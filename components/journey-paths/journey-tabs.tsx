// Map | Paths: the two views of one journey, keeping the period, channel and segment in the URL.
import Link from "next/link";
import { useTranslations } from "next-intl";

export function JourneyTabs({
  journeyId,
  query,
  current,
}: {
  journeyId: string;
  query: string;
  current: "map" | "paths";
}) {
  const t = useTranslations("journeys.tabs");
  const tabs = [
    { key: "map", href: `/journeys/${journeyId}` },
    { key: "paths", href: `/journeys/${journeyId}/paths` },
  ] as const;
  return (
    <nav aria-label={t("label")} className="mb-4 flex gap-1 border-b border-slate-200 print:hidden">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={query ? `${tab.href}?${query}` : tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
