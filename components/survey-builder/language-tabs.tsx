"use client";
// The tabs that choose which language's texts the question list edits (arrow keys, Home and End move
// between them, as in the ARIA tabs pattern).
import { useRef, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { languageName } from "./languages";

export function LanguageTabs({
  languages,
  selected,
  onSelect,
}: {
  languages: string[];
  selected: string;
  onSelect: (language: string) => void;
}) {
  const t = useTranslations("surveys.editor.tabs");
  const uiLocale = useLocale();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onTabKey(e: KeyboardEvent, i: number) {
    const n = languages.length;
    const to =
      e.key === "ArrowRight"
        ? (i + 1) % n
        : e.key === "ArrowLeft"
          ? (i - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(languages[to]);
    tabs.current[to]?.focus();
  }

  return (
    <div role="tablist" aria-label={t("label")} className="flex flex-wrap gap-1">
      {languages.map((l, i) => (
        <button
          key={l}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`lang-tab-${l}`}
          aria-selected={l === selected}
          aria-controls="questions-panel"
          tabIndex={l === selected ? 0 : -1}
          onClick={() => onSelect(l)}
          onKeyDown={(e) => onTabKey(e, i)}
          className={`min-h-9 rounded-md px-3 text-sm font-medium ${l === selected ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
        >
          {languageName(l, uiLocale)}
        </button>
      ))}
    </div>
  );
}
