// A chart with its text alternative: the same points as a table (in a disclosure, works without JS) and a
// CSV download generated on the server from the same series (/api/v1/metrics/trend?format=csv).
import type { ReactNode } from "react";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "../ui/button";

type Props = {
  id: string;
  title: string;
  description: ReactNode;
  csvHref: string;
  table: ReactNode;
  children: ReactNode;
};

export function ChartCard({ id, title, description, csvHref, table, children }: Props) {
  const t = useTranslations("dashboard.chart");
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h3>
          <p className="text-xs text-slate-600">{description}</p>
        </div>
        <a
          href={csvHref}
          download
          className={buttonClass("secondary", "sm")}
          aria-label={t("downloadLabel", { title })}
        >
          <Download aria-hidden="true" size={16} />
          {t("download")}
        </a>
      </div>
      {children}
      <details className="group mt-3" data-testid={`table-${id}`}>
        <summary className="inline-flex min-h-9 items-center rounded-md px-2 text-sm font-medium text-brand-700 underline hover:bg-slate-100">
          <span className="group-open:hidden">{t("showTable")}</span>
          <span className="hidden group-open:inline">{t("hideTable")}</span>
        </summary>
        <div className="mt-2">{table}</div>
      </details>
    </section>
  );
}
