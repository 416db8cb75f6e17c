"use client";
// A customer picker over the indexed prefix search: results as you type (two characters are enough),
// arrows + Enter choose, and with no match Enter offers to create the customer. An ARIA 1.2 combobox with a
// listbox popup. `shortcut` makes "/" (or Ctrl/⌘+K) focus it from anywhere on the page.
import { useEffect, useId, useRef, useState } from "react";
import { Search } from "lucide-react";

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
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");

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

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const res = await fetch(`/api/v1/customers?limit=8&q=${encodeURIComponent(term)}`, {
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(String(res.status));
        setHits(((await res.json()) as { data: Hit[] }).data);
        setActive(0);
        setStatus("idle");
      } catch (e) {
        if (!controller.signal.aborted) setStatus("error");
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const term = q.trim();
  const showCreate = Boolean(onCreate) && term.length >= 2 && status === "idle" && hits.length === 0;
  const options = term.length >= 2 ? hits.length : 0;
  const count = options + (showCreate ? 1 : 0);

  function choose(index: number) {
    setOpen(false);
    if (index < options) onSelect(hits[index]);
    else if (showCreate) onCreate?.(term);
    setQ("");
    setHits([]);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && count) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % count);
    } else if (e.key === "ArrowUp" && count) {
      e.preventDefault();
      setActive((a) => (a - 1 + count) % count);
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
            if (e.target.value.trim().length < 2) setHits([]);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          className={`min-h-10 w-full rounded-md border bg-white py-2 pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-500 ${error ? "border-red-600" : "border-slate-300"}`}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Customers found"
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
              <span className="font-medium">{h.name ?? "(no name)"}</span>
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
              No match — create customer “{term}”
            </li>
          ) : null}
          {status === "error" ? <li className="px-3 py-2 text-red-700">Search failed; try again.</li> : null}
          {!showCreate && hits.length === 0 && status !== "error" ? (
            <li className="px-3 py-2 text-slate-600">{status === "loading" ? "Searching…" : "No customer found."}</li>
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
