// A list page's filters as a GET form (every choice lands in the URL: shareable links), with the fields the lists
// share. Narrow screens: a disclosure, closed by default, whose summary counts the active filters; from md up it
// is always open. Used by the response inbox and the interactions list.
import Link from "next/link";
import type { ReactNode } from "react";
import { SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { GetForm } from "../dashboard/get-form";
import { buttonClass } from "./button";
import { controlClass, describedBy, FieldShell } from "./field";

export type RawFilters = Record<string, string | undefined>;

export function FilterTextField({
  name,
  label,
  raw,
  errors,
  type = "text",
  ...rest
}: {
  name: string;
  label: string;
  raw: RawFilters;
  errors: Record<string, string>;
  type?: string;
  min?: number;
  max?: number;
  placeholder?: string;
}) {
  const id = `filter-${name}`;
  return (
    <FieldShell id={id} label={label} error={errors[name]}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={raw[name] ?? ""}
        className={controlClass}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(id, undefined, errors[name])}
        {...rest}
      />
    </FieldShell>
  );
}

/** "From" and "To (inclusive)" dates, side by side. */
export function PeriodFields({ raw, errors }: { raw: RawFilters; errors: Record<string, string> }) {
  const t = useTranslations("common.filters");
  return (
    <div className="grid grid-cols-2 gap-3 sm:col-span-2">
      <FilterTextField name="from" label={t("from")} type="date" raw={raw} errors={errors} />
      <FilterTextField name="to" label={t("to")} type="date" raw={raw} errors={errors} />
    </div>
  );
}

export function FilterPanel({
  action,
  label,
  raw,
  errors,
  hidden = {},
  extraActions,
  children,
}: {
  action: string;
  label: string;
  raw: RawFilters;
  errors: Record<string, string>;
  /** Filters set elsewhere (a link from another page) that the form keeps but shows no field for. */
  hidden?: RawFilters;
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("common.filters");
  const active = Object.entries(raw).filter(([k, v]) => v && !errors[k]).length;
  return (
    // keyed by the filters: after "Apply" the disclosure closes again on a phone, showing the results
    <details
      key={JSON.stringify(raw)}
      open={Object.keys(errors).length > 0 || undefined}
      className="mb-4 rounded-lg border border-slate-200 bg-white shadow-sm md:[&::details-content]:[content-visibility:visible]"
    >
      <summary className="flex min-h-11 items-center gap-2 px-4 py-2 text-sm font-medium text-slate-800 md:hidden">
        <SlidersHorizontal aria-hidden="true" size={16} />
        {t("summary")}
        <span className="font-normal text-slate-600">· {t("active", { active })}</span>
      </summary>
      <GetForm action={action} aria-label={label} className="border-t border-slate-200 p-4 md:border-t-0">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
        {Object.entries(hidden).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass("primary", "sm")}>
            {t("apply")}
          </button>
          <Link href={action} className={buttonClass("ghost", "sm")}>
            {t("reset")}
          </Link>
          {extraActions}
        </div>
      </GetForm>
    </details>
  );
}
