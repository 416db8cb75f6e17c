"use client";
// A customer picker over the indexed prefix search: results as you type (two characters are enough),
// arrows + Enter choose, and with no match Enter offers to create the customer. An ARIA 1.2 combobox with a
// listbox popup. `shortcut` makes "/" (or Ctrl/⌘+K) focus it from anywhere on the page.
// Every answer is kept with the text it answers: "create" is offered only once the search for the text in the
// box has answered with no match (never on an older answer, nor while waiting). Enter pressed before that
// answer waits for it, then opens the customer if exactly one matches and otherwise just shows the answer.
import { useEffect, useId, useRef, useState } from "react";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";

export type CustomerHit = { id: string; name: string | null; email: string | null; externalId: string | null };
type Hit = CustomerHit;

type Props = {
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  shortcut?: boolean;
  onSelect: (hit: Hit) => void;
  /** Offered when nothing matches; omit to offer nothing. */
  onCreate?: (term: string) => void;
  error?: string;
};

export function CustomerCombobox({
  label,
  hideLabel = false,
  placeholder,
  shortcut = false,
  onSelect,
  onCreate,
  error,
}: Props) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const t = useTranslations("customers.combobox");
  const [q, setQ] = useState("");
  const [result, setResult] = useState<{ term: string; hits: Hit[] } | null>(null);
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The text for which Enter was pressed before its search answered.
  const pendingEnter = useRef<string | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    if (!shortcut) return;
    function onKey(e: KeyboardEvent) {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if ((e.key === "/" && !typing) || (e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut]);

  const term = q.trim();
  useEffect(() => {
    if (term.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/customers?limit=8&q=${encodeURIComponent(term)}`, {
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(String(res.status));
        const hits = ((await res.json()) as { data: Hit[] }).data;
        if (controller.signal.aborted) return; // the text changed meanwhile: this answer is for older text
        setActive(0);
        if (pendingEnter.current === term) {
          pendingEnter.current = null;
          if (hits.length === 1) {
            setOpen(false);
            setQ("");
            setResult(null);
            onSelectRef.current(hits[0]);
            return;
          }
          setOpen(true);
        }
        setResult({ term, hits });
      } catch {
        if (!controller.signal.aborted) setFailedFor(term);
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term]);

  const answered = term.length >= 2 && result?.term === term;
  const failed = term.length >= 2 && !answered && failedFor === term;
  const searching = term.length >= 2 && !answered && !failed;
  // While searching, the previous answer stays in view (to click); Enter waits for the current one.
  const hits = term.length >= 2 ? (result?.hits ?? []) : [];
  const showCreate = Boolean(onCreate) && answered && hits.length === 0;
  const options = hits.length;
  const count = options + (showCreate ? 1 : 0);

  function choose(index: number) {
    setOpen(false);
    if (index < options) onSelect(hits[index]);
    else if (showCreate) onCreate?.(term);
    setQ("");
    setResult(null);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && count) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (e.key === "ArrowUp" && count) {
      e.preventDefault();
      setActive((a) => (a - 1 + count) % count);
    } else if (e.key === "Enter" && searching) {
      e.preventDefault();
      pendingEnter.current = term;
    } else if (e.key === "Enter" && count && open) {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  }

  const expanded = open && term.length >= 2;
  return (
    <div className="w-full max-w-xl">
      <label
        htmlFor={`${listId}-input`}
        className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}
      >
        {label}
      </label>
      <div className="relative">
        <Search
          aria-hidden="true"
          size={16}
          className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-500"
        />
        <input
          ref={inputRef}
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && count ? `${listId}-opt-${active}` : undefined}
          aria-keyshortcuts={shortcut ? "/ Control+K" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${listId}-error` : undefined}
          type="search"
          autoComplete="off"
          placeholder={placeholder}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
            pendingEnter.current = null;
            if (e.target.value.trim().length < 2) setResult(null);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          className={`min-h-10 w-full rounded-md border bg-white py-2 pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-500 ${error ? "border-red-600" : "border-slate-300"}`}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t("found")}
          aria-busy={searching}
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-50 mt-1 max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
              className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
            >
              <span className="font-medium">{h.name ?? t("noName")}</span>
              <span className="block truncate text-xs text-slate-600">
                {[h.email, h.externalId].filter(Boolean).join(" · ")}
              </span>
            </li>
          ))}
          {showCreate ? (
            <li
              id={`${listId}-opt-${options}`}
              role="option"
              aria-selected={active === options}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(options)}
              className={`cursor-pointer px-3 py-2 ${active === options ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
            >
              {t("create", { term })}
            </li>
          ) : null}
          {failed ? <li className="px-3 py-2 text-red-700">{t("failed")}</li> : null}
          {searching ? (
            <li className="px-3 py-2 text-slate-600" data-testid="customer-search-pending">
              {t("searching")}
            </li>
          ) : !showCreate && hits.length === 0 && !failed ? (
            <li className="px-3 py-2 text-slate-600">{t("none")}</li>
          ) : null}
        </ul>
      </div>
      {error ? (
        <p id={`${listId}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
