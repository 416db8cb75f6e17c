// The frame of a hosted survey page: the organization's name, one card, and the language links. Server
// component; the page sets lang on <main> so that screen readers pronounce the survey's language.
import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  locale: string;
  organization?: string;
  title: string;
  intro?: string;
  languages?: { locale: string; name: string; href: string; current: boolean }[];
  languageLabel?: string;
  children?: ReactNode;
};

export function SurveyPageShell({
  locale,
  organization,
  title,
  intro,
  languages = [],
  languageLabel,
  children,
}: Props) {
  return (
    <main id="main" lang={locale} className="min-h-dvh px-4 py-8 sm:py-14">
      <div className="mx-auto w-full max-w-xl">
        {organization ? (
          <p className="mb-4 flex items-center gap-2 text-base font-semibold tracking-tight text-slate-900">
            <span
              aria-hidden="true"
              className="grid size-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
            >
              {organization.slice(0, 1).toUpperCase()}
            </span>
            {organization}
          </p>
        ) : null}
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
          {children ? <div className="mt-6">{children}</div> : null}
        </div>
        {languages.length > 1 ? (
          <nav aria-label={languageLabel} className="mt-4">
            <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
              {languages.map((l) => (
                <li key={l.locale}>
                  <Link
                    href={l.href}
                    lang={l.locale}
                    hrefLang={l.locale}
                    aria-current={l.current ? "true" : undefined}
                    className={
                      l.current ? "font-semibold text-slate-900" : "text-brand-700 underline hover:text-brand-900"
                    }
                  >
                    {l.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </main>
  );
}
