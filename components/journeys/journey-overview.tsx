"use client";
// The journey map's overview: every stage as an equal column of one CSS grid (no column gap, so the emotion
// curve below can put stage i's point at (i + ½) / N of the width), each touchpoint a compact tile that is a
// button; activating it (click, Enter, Space) opens the touchpoint's full detail in a side panel (a modal
// <dialog>: Escape or Close returns to the tile). The columns fit the content width from 1024 px up; narrower
// screens scroll the grid sideways inside its own focusable region, a column at a time. The server renders
// every piece (headers, tiles, details, curve); this component only arranges them and opens the panel.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";

export type OverviewColumn = {
  id: string;
  header: ReactNode;
  tiles: { id: string; tile: ReactNode; status: string }[];
};

export function JourneyOverview({
  label,
  columns,
  details,
  curve,
}: {
  label: string;
  columns: OverviewColumn[];
  /** Per touchpoint id: the panel's title line and its content. */
  details: Record<string, { title: string; body: ReactNode }>;
  curve: ReactNode;
}) {
  const t = useTranslations("journeys.overview");
  const [openId, setOpenId] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (openId && !dialog.open) dialog.showModal();
    if (!openId && dialog.open) dialog.close();
  }, [openId]);

  const detail = openId ? details[openId] : undefined;
  return (
    <>
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className="relative -mx-4 snap-x snap-mandatory scroll-px-4 overflow-x-auto px-4 pb-2 sm:mx-0 sm:scroll-px-0 sm:px-0 lg:snap-none print:overflow-visible"
      >
        <div
          className="grid [--col-min:15rem] lg:[--col-min:8rem]"
          style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(var(--col-min), 1fr))` }}
          data-testid="journey-grid"
        >
          <ol className="col-span-full grid grid-cols-subgrid">
            {columns.map((col) => (
              <li key={col.id} className="min-w-0 snap-start px-1" data-stage={col.id}>
                <div className="flex h-full flex-col rounded-lg bg-slate-100 p-2">
                  {col.header}
                  <ul className="mt-2 flex flex-col gap-1.5" aria-label={t("touchpoints")}>
                    {col.tiles.length === 0 ? <li className="px-1 text-xs text-slate-600">{t("none")}</li> : null}
                    {col.tiles.map((t) => (
                      <li key={t.id}>
                        <button
                          type="button"
                          aria-haspopup="dialog"
                          aria-expanded={openId === t.id}
                          data-status={t.status}
                          data-touchpoint={t.id}
                          onClick={(e) => {
                            triggerRef.current = e.currentTarget;
                            setOpenId(t.id);
                          }}
                          className="block w-full min-w-0 rounded-md text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                        >
                          {t.tile}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ol>
          <div className="col-span-full">{curve}</div>
        </div>
      </div>
      <dialog
        ref={dialogRef}
        aria-label={detail ? detail.title : t("details")}
        onClose={() => {
          setOpenId(null);
          triggerRef.current?.focus();
        }}
        onClick={(e) => {
          // a click on the backdrop (outside the panel's content) closes it
          if (e.target === e.currentTarget) e.currentTarget.close();
        }}
        className="m-0 ml-auto h-dvh max-h-none w-full max-w-md overflow-y-auto bg-transparent p-0 backdrop:bg-slate-900/40"
      >
        {detail ? (
          <div className="flex min-h-full flex-col bg-white shadow-xl">
            <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2">
              <p className="text-sm text-slate-700">{detail.title}</p>
              <button
                type="button"
                onClick={() => dialogRef.current?.close()}
                className="inline-flex min-h-10 items-center gap-1 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                <X aria-hidden="true" size={16} /> {t("close")}
              </button>
            </div>
            <div className="p-4">{detail.body}</div>
          </div>
        ) : null}
      </dialog>
    </>
  );
}
