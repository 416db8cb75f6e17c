"use client";
// Log an interaction in seconds, keyboard first: customer (type two letters), touchpoint (most used first),
// channel (defaulted from the touchpoint), outcome, how the customer felt, note; Ctrl+Enter saves.
// Optimistic: the entry appears under "Just logged" at once and the form is ready for the next one. A save
// that fails keeps everything (also across a reload, in localStorage) and retries with the same clientId,
// so a retry can never log the same interaction twice.
import { useRef, useState } from "react";
import Link from "next/link";
import { EMOTIONS, OUTCOMES } from "@/lib/interactions/schema";
import type { LoggingOptions } from "@/lib/interactions/logging";
import { CustomerCombobox, type CustomerHit } from "../customers/customer-combobox";
import { FACE_COLOUR, FACES, OUTCOME_LABELS } from "./labels";
import { PendingList, updatePending, usePending, type Pending } from "./pending-interactions";

type Customer = Pick<CustomerHit, "id" | "name">;
type Errors = Partial<
  Record<"customerId" | "touchpointId" | "channelId" | "outcome" | "emotion" | "note" | "form", string>
>;

export function LogInteractionForm({
  options,
  initialCustomer,
}: {
  options: LoggingOptions;
  initialCustomer?: Customer;
}) {
  const [customer, setCustomer] = useState<Customer | null>(initialCustomer ?? null);
  const [touchpointId, setTouchpointId] = useState("");
  const [channelId, setChannelId] = useState("");
  const [outcome, setOutcome] = useState<string>("resolved");
  const [emotion, setEmotion] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const pending = usePending();
  const formRef = useRef<HTMLFormElement>(null);

  const byId = new Map(options.touchpoints.map((t) => [t.id, t]));
  const groups = [...new Set(options.touchpoints.map((t) => t.group))];

  async function send(entry: Pending) {
    updatePending((list) =>
      list.map((p) => (p.clientId === entry.clientId ? { ...p, status: "saving", message: undefined } : p)),
    );
    let status: Pending["status"] = "failed";
    let message = "Not saved: the connection failed. Your entry is kept; retry when you are back online.";
    try {
      const res = await fetch("/api/v1/interactions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(entry.body),
      });
      if (res.ok) status = "saved";
      else {
        const problem = (await res.json().catch(() => null)) as {
          detail?: string;
          invalid_params?: Array<{ name: string; reason: string }>;
        } | null;
        message = `Not saved: ${problem?.invalid_params?.map((p) => `${p.name}: ${p.reason}`).join("; ") || problem?.detail || `error ${res.status}`}`;
      }
    } catch {
      /* network error: keep the entry for a retry */
    }
    updatePending((list) =>
      list.map((p) =>
        p.clientId === entry.clientId ? { ...p, status, message: status === "saved" ? undefined : message } : p,
      ),
    );
  }

  function submit(e?: React.FormEvent) {
    e?.preventDefault();
    const next: Errors = {};
    if (!customer) next.customerId = "Choose a customer (type two letters of their name).";
    if (!outcome) next.outcome = "Choose an outcome.";
    setErrors(next);
    if (Object.keys(next).length || !customer) return;
    const clientId = crypto.randomUUID();
    const entry: Pending = {
      clientId,
      customer,
      summary: `${byId.get(touchpointId)?.name ?? "No touchpoint"} · ${OUTCOME_LABELS[outcome]?.label ?? outcome}`,
      status: "saving",
      at: new Date().toISOString(),
      body: {
        customerId: customer.id,
        touchpointId: touchpointId || undefined,
        channelId: channelId || undefined,
        outcome,
        emotion: emotion ?? undefined,
        note: note.trim() || undefined,
        occurredAt: new Date().toISOString(),
        clientId,
      },
    };
    updatePending((list) => [entry, ...list].slice(0, 20));
    void send(entry);
    // Ready for the next one: same customer, fresh details.
    setTouchpointId("");
    setChannelId("");
    setOutcome("resolved");
    setEmotion(null);
    setNote("");
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <form
        ref={formRef}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
        }}
        aria-label="Log an interaction"
        className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
        noValidate
      >
        {customer ? (
          <div>
            <p className="mb-1 text-sm font-medium text-slate-800">Customer</p>
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <Link href={`/customers/${customer.id}`} className="font-semibold text-brand-800 underline">
                {customer.name ?? "Unnamed customer"}
              </Link>
              <button
                type="button"
                onClick={() => setCustomer(null)}
                className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100"
              >
                Change
              </button>
            </p>
          </div>
        ) : (
          <CustomerCombobox
            label="Customer"
            placeholder="Type two letters of a name, e-mail or id"
            onSelect={(h) => setCustomer(h)}
            error={errors.customerId}
          />
        )}

        <div className="grid gap-4 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Touchpoint
            <select
              value={touchpointId}
              onChange={(e) => {
                setTouchpointId(e.target.value);
                setChannelId(byId.get(e.target.value)?.channelId ?? "");
              }}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm font-normal"
            >
              <option value="">No particular touchpoint</option>
              {options.mostUsed.length ? (
                <optgroup label="Most used by you">
                  {options.mostUsed.map((id) => (
                    <option key={`m-${id}`} value={id}>
                      {byId.get(id)?.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {options.touchpoints
                    .filter((t) => t.group === g)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            Channel
            <select
              value={channelId}
              onChange={(e) => setChannelId(e.target.value)}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm font-normal"
            >
              <option value="">Not recorded</option>
              {options.channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        </div>

        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">Outcome</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {OUTCOMES.map((o) => (
              <label
                key={o}
                className="flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 px-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              >
                <input
                  type="radio"
                  name="outcome"
                  value={o}
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                  className="sr-only"
                />
                {OUTCOME_LABELS[o]?.label ?? o}
              </label>
            ))}
          </div>
          {errors.outcome ? <p className="mt-1 text-sm text-red-700">{errors.outcome}</p> : null}
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">How did the customer feel?</legend>
          <div className="grid grid-cols-5 gap-2">
            {EMOTIONS.map((em) => {
              const Face = FACES[em.value as keyof typeof FACES];
              return (
                <label
                  key={em.value}
                  className="flex min-h-16 cursor-pointer flex-col items-center justify-center gap-1 rounded-md border border-slate-300 px-1 text-center text-xs has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
                >
                  <input
                    type="radio"
                    name="emotion"
                    value={em.value}
                    checked={emotion === em.value}
                    onChange={() => setEmotion(em.value)}
                    className="sr-only"
                  />
                  <Face aria-hidden="true" size={24} className={FACE_COLOUR[em.value]} />
                  {em.label}
                </label>
              );
            })}
          </div>
        </fieldset>

        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          Note (optional)
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={5000}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-normal"
          />
        </label>

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="min-h-11 rounded-md bg-brand-700 px-5 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Log interaction
          </button>
          <span className="text-xs text-slate-600">Ctrl+Enter saves from anywhere in the form.</span>
        </div>
      </form>
      <PendingList
        entries={pending}
        onRetry={(p) => void send(p)}
        onDismiss={(id) => updatePending((l) => l.filter((p) => p.clientId !== id))}
      />
    </div>
  );
}
