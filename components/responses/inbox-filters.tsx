// The inbox's filters as a GET form (every choice lands in the URL: shareable links), built from the
// dashboard's filter controls. Narrow screens: a disclosure, closed by default; from md up always open.
import Link from "next/link";
import { SlidersHorizontal, X } from "lucide-react";
import type { FilterOptions } from "@/lib/analytics/service";
import { FilterSelect, groupBy } from "../dashboard/filter-bar";
import { GetForm } from "../dashboard/get-form";
import { buttonClass } from "../ui/button";
import { controlClass, describedBy, FieldShell } from "../ui/field";
import { hrefWith } from "../ui/pagination";
import { CATEGORY_GROUPS } from "./category";

export const INBOX_PATH = "/surveys/responses";

type Raw = Record<string, string | undefined>;
type Props = { raw: Raw; errors: Record<string, string>; options: FilterOptions; customerName?: string | null };

function TextField({
  name,
  label,
  raw,
  errors,
  type = "text",
  ...rest
}: {
  name: string;
  label: string;
  raw: Raw;
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

export function InboxFilters({ raw, errors, options, customerName }: Props) {
  const active = Object.entries(raw).filter(([k, v]) => v && !errors[k]).length;
  const select = (name: string) => ({ name, value: raw[name], error: errors[name] });
  return (
    // keyed by the filters: after "Apply" the disclosure closes again on a phone, showing the results
    <details
      key={JSON.stringify(raw)}
      open={Object.keys(errors).length > 0 || undefined}
      className="mb-4 rounded-lg border border-slate-200 bg-white shadow-sm md:[&::details-content]:[content-visibility:visible]"
    >
      <summary className="flex min-h-11 items-center gap-2 px-4 py-2 text-sm font-medium text-slate-800 md:hidden">
        <SlidersHorizontal aria-hidden="true" size={16} />
        Filters
        <span className="font-normal text-slate-600">· {active ? `${active} active` : "none"}</span>
      </summary>
      <GetForm
        action={INBOX_PATH}
        aria-label="Response filters"
        className="border-t border-slate-200 p-4 md:border-t-0"
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect
            {...select("surveyId")}
            label="Survey"
            all="All surveys"
            options={options.surveys.map((s) => ({ value: s.id, label: s.name }))}
          />
          <FilterSelect
            {...select("touchpointId")}
            label="Touchpoint"
            all="All touchpoints"
            groups={groupBy(
              options.touchpoints,
              (t) => `${t.journey.name} › ${t.stage.name}`,
              (t) => ({ value: t.id, label: t.name }),
            )}
          />
          <FilterSelect
            {...select("channelId")}
            label="Channel"
            all="All channels"
            options={options.channels.map((c) => ({ value: c.id, label: c.name }))}
          />
          <FilterSelect
            {...select("metric")}
            label="Metric"
            all="All metrics"
            options={[
              { value: "nps", label: "NPS" },
              { value: "csat", label: "CSAT" },
              { value: "ces", label: "CES" },
            ]}
          />
          <FilterSelect {...select("category")} label="Category" all="All categories" groups={CATEGORY_GROUPS} />
          <div className="grid grid-cols-2 gap-3">
            <TextField name="scoreMin" label="Score from" type="number" min={0} max={10} raw={raw} errors={errors} />
            <TextField name="scoreMax" label="Score to" type="number" min={0} max={10} raw={raw} errors={errors} />
          </div>
          <div className="grid grid-cols-2 gap-3 sm:col-span-2">
            <TextField name="from" label="From" type="date" raw={raw} errors={errors} />
            <TextField name="to" label="To (inclusive)" type="date" raw={raw} errors={errors} />
          </div>
          <FilterSelect
            {...select("hasComment")}
            label="Comment"
            all="With or without"
            options={[
              { value: "true", label: "With a comment" },
              { value: "false", label: "Without a comment" },
            ]}
          />
          <FilterSelect
            {...select("status")}
            label="Completion"
            all="Completed and partial"
            options={[
              { value: "completed", label: "Completed" },
              { value: "partial", label: "Partial (not finished)" },
            ]}
          />
          <div className="sm:col-span-2">
            <TextField name="q" label="Comment contains" placeholder="e.g. invoice" raw={raw} errors={errors} />
          </div>
        </div>
        {raw.customerId ? <input type="hidden" name="customerId" value={raw.customerId} /> : null}
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass("primary", "sm")}>
            Apply filters
          </button>
          <Link href={INBOX_PATH} className={buttonClass("ghost", "sm")}>
            Reset
          </Link>
          {raw.customerId ? (
            <Link
              href={hrefWith(INBOX_PATH, { ...raw, customerId: undefined })}
              className={buttonClass("secondary", "sm")}
            >
              Customer: {customerName || "one customer"} <X aria-hidden="true" size={14} />
              <span className="sr-only">(remove this filter)</span>
            </Link>
          ) : null}
        </div>
      </GetForm>
    </details>
  );
}
