"use client";
// Page frame for signed-in users. Wide screens: a fixed left sidebar. Narrow screens: a top bar whose
// Menu button discloses the same sidebar over the page; Escape or navigating closes it again.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";

export function AppFrame({
  brand,
  sidebar,
  search,
  children,
}: {
  brand: ReactNode;
  sidebar: ReactNode;
  search: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownPath, setShownPath] = useState(pathname);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Close the menu once navigation lands on another page.
  if (pathname !== shownPath) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 md:hidden print:hidden!">
        {brand}
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls="app-sidebar"
          onClick={() => setOpen((v) => !v)}
          className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {open ? <X aria-hidden="true" size={18} /> : <Menu aria-hidden="true" size={18} />}
          {t("common.menu")}
        </button>
      </header>
      <aside
        id="app-sidebar"
        aria-label={t("nav.sidebar")}
        className={`${open ? "fixed inset-x-0 top-14 bottom-0 z-30 overflow-y-auto" : "hidden"} border-slate-200 bg-white md:sticky md:top-0 md:block md:h-dvh md:w-64 md:shrink-0 md:overflow-y-auto md:border-r print:hidden!`}
      >
        {sidebar}
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 md:px-8 md:py-8 print:p-0">
        <div className="mx-auto max-w-6xl">
          <div className="mb-6 print:hidden">{search}</div>
          {children}
        </div>
      </main>
    </div>
  );
}
