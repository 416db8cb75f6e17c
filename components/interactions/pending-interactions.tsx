"use client";
// "Just logged": what this device sent, with its state. Entries that are not yet saved survive a reload
// (localStorage) so nothing typed is lost; Retry resends the same clientId, which the API deduplicates.
import { useSyncExternalStore } from "react";
import Link from "next/link";
import { CheckCircle2, Loader2, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useServiceReason } from "@/components/i18n/use-service-reason";

/** Why a save failed, as data: worded where it is shown, in the page's language (useFailureReason). */
export type Failure =
  | { kind: "connection" }
  /** It was saving when the page went away: not known whether it arrived. */
  | { kind: "closed" }
  /** The API refused it: its problem (English, the API's contract), worded by useServiceReason. */
  | { kind: "refused"; status: number; detail?: string; params?: { name: string; reason: string }[] };

export type Pending = {
  clientId: string;
  customer: { id: string; name: string | null };
  summary: string;
  status: "saving" | "saved" | "failed";
  failure?: Failure;
  /** An English sentence stored by an older version of this page (shown as it is). */
  message?: string;
  at: string;
  body: Record<string, unknown>;
};

const KEY = "resonance:pending-interactions";

function loadPending(): Pending[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? "[]") as Pending[];
    // Anything that was mid-save when the page went away is resent by the user with Retry.
    return list.map((p) => (p.status === "saving" ? { ...p, status: "failed", failure: { kind: "closed" } } : p));
  } catch {
    return [];
  }
}

function savePending(list: Pending[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.filter((p) => p.status !== "saved")));
  } catch {
    /* storage full or disabled: the in-memory list still works */
  }
}

// One list per browser tab, read from localStorage on first use and written back on every change. The list is
// an external store (useSyncExternalStore) rather than component state loaded in an effect: with state, the
// first render's empty list was saved before the stored one was read, wiping what a reload was meant to keep.
const NONE: Pending[] = [];
let entries: Pending[] | null = null;
const listeners = new Set<() => void>();

function snapshot(): Pending[] {
  entries ??= loadPending();
  return entries;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updatePending(change: (list: Pending[]) => Pending[]) {
  entries = change(snapshot());
  savePending(entries);
  for (const listener of listeners) listener();
}

/**
 * A failed entry's reason in the page's language, without the "Not saved:" before it: the connection, or the API's
 * field reasons ("touchpointId: …") or detail; an older entry's stored English sentence as it is.
 */
export function useFailureReason(): (p: Pending) => string {
  const t = useTranslations("interactions.pending");
  const reason = useServiceReason();
  return (p) => {
    const f = p.failure;
    if (!f) return p.message?.replace(/^Not saved: ?/, "") ?? "";
    if (f.kind === "connection") return t("connection");
    if (f.kind === "closed") return t("closed");
    const fields = (f.params ?? []).map((x) => `${x.name}: ${reason(x.reason)}`).join("; ");
    return fields || (f.detail ? reason(f.detail) : t("status", { status: f.status }));
  };
}

/** The entries this device has logged, newest first; [] while rendering on the server. */
export function usePending(): Pending[] {
  return useSyncExternalStore(subscribe, snapshot, () => NONE);
}

export function PendingList({
  entries,
  onRetry,
  onDismiss,
}: {
  entries: Pending[];
  onRetry: (p: Pending) => void;
  onDismiss: (id: string) => void;
}) {
  const t = useTranslations("interactions.pending");
  const failureReason = useFailureReason();
  const failed = (p: Pending) =>
    p.failure?.kind === "closed" ? t("closed") : p.failure ? t("notSaved", { reason: failureReason(p) }) : p.message;
  return (
    <section aria-labelledby="just-logged" className="min-w-0">
      <h2 id="just-logged" className="mb-2 text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-live="polite">
          {entries.map((p) => (
            <li
              key={p.clientId}
              className={`rounded-md border p-3 text-sm ${p.status === "failed" ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}
            >
              <p className="flex items-center gap-2 font-medium text-slate-900">
                {p.status === "saving" ? (
                  <Loader2 aria-hidden="true" size={16} className="animate-spin text-slate-500" />
                ) : null}
                {p.status === "saved" ? <CheckCircle2 aria-hidden="true" size={16} className="text-green-700" /> : null}
                {p.status === "failed" ? <TriangleAlert aria-hidden="true" size={16} className="text-red-700" /> : null}
                <Link href={`/customers/${p.customer.id}`} className="underline">
                  {p.customer.name ?? t("customer")}
                </Link>
              </p>
              <p className="text-slate-700">{p.summary}</p>
              <p className="text-xs text-slate-600">
                {p.status === "saving" ? t("saving") : p.status === "saved" ? t("saved") : failed(p)}
              </p>
              {p.status === "failed" ? (
                <div className="mt-2 flex gap-2">
                  <button
                    type="button"
                    onClick={() => onRetry(p)}
                    className="rounded-md bg-red-700 px-3 py-1 text-xs font-semibold text-white"
                  >
                    {t("retry")}
                  </button>
                  <button
                    type="button"
                    onClick={() => onDismiss(p.clientId)}
                    className="rounded-md border border-slate-300 px-3 py-1 text-xs"
                  >
                    {t("discard")}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
