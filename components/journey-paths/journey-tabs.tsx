// Map | Paths: the two views of one journey, keeping the period, channel and segment in the URL.
import Link from "next/link";

export function JourneyTabs({
  journeyId,
  query,
  current,
}: {
  journeyId: string;
  query: string;
  current: "map" | "paths";
}) {
  const tabs = [
    { key: "map", label: "Journey map", href: `/journeys/${journeyId}` },
    { key: "paths", label: "Paths", href: `/journeys/${journeyId}/paths` },
  ] as const;
  return (
    <nav aria-label="Journey views" className="mb-4 flex gap-1 border-b border-slate-200 print:hidden">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={query ? `${t.href}?${query}` : t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${t.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
