import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

/** The id of a Section's heading: what an in-page link (#…) to the section points at. */
export function sectionHeadingId(title: string, id?: string): string {
  return `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-heading`;
}

export function Section({
  title,
  description,
  children,
  id,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = sectionHeadingId(title, id);
  return (
    <section aria-labelledby={headingId} className="mb-8" id={id}>
      <h2 id={headingId} className="scroll-mt-20 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {description ? <p className="mt-1 mb-3 text-sm text-slate-600">{description}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}
