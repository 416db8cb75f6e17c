"use client";
// Log an interaction in seconds, keyboard first: customer (type two letters), touchpoint (most used first),
// channel (defaulted from the touchpoint), outcome, how the customer felt, note; Ctrl+Enter saves.
// Optimistic: the entry appears under "Just logged" at once and the form is ready for the next one. A save
// that fails keeps everything (also across a reload, in localStorage) and retries with the same clientId,
// so a retry can never log the same interaction twice.
import { useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LoggingOptions } from "@/lib/interactions/logging";
import { CustomerCombobox, type CustomerHit } from "../customers/customer-combobox";
import { EmotionField, OutcomeField, TouchpointChannelFields } from "./interaction-fields";
import type { Outcome } from "./labels";
import { PendingList, updatePending, useFailureReason, usePending, type Pending } from "./pending-interactions";
import { sendInteraction } from "./send-interaction";

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
  const t = useTranslations("interactions");
  const [customer, setCustomer] = useState<Customer | null>(initialCustomer ?? null);
  const [touchpointId, setTouchpointId] = useState("");
  const [channelId, setChannelId] = useState("");
  const [outcome, setOutcome] = useState<string>("resolved");
  const [emotion, setEmotion] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const pending = usePending();
  // The entry this form saved last: its state is shown beside the button (in view on a phone, where the
  // "Just logged" list sits below the form).
  const [lastId, setLastId] = useState<string | null>(null);
  const last = lastId ? pending.find((p) => p.clientId === lastId) : undefined;
  const formRef = useRef<HTMLFormElement>(null);

  const byId = new Map(options.touchpoints.map((t) => [t.id, t]));

  function submit(e?: React.FormEvent) {
    e?.preventDefault();
    const next: Errors = {};
    if (!customer) next.customerId = t("form.chooseCustomer");
    if (!outcome) next.outcome = t("form.chooseOutcome");
    setErrors(next);
    if (Object.keys(next).length || !customer) return;
    const clientId = crypto.randomUUID();
    const entry: Pending = {
      clientId,
      customer,
      summary: `${byId.get(touchpointId)?.name ?? t("form.noTouchpoint")} · ${t(`labels.outcome.${outcome as Outcome}`)}`,
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
    setLastId(clientId);
    void sendInteraction(entry);
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
        aria-label={t("form.label")}
        className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
        noValidate
      >
        {customer ? (
          <div>
            <p className="mb-1 text-sm font-medium text-slate-800">{t("form.customer")}</p>
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <Link href={`/customers/${customer.id}`} className="font-semibold text-brand-800 underline">
                {customer.name ?? t("form.unnamed")}
              </Link>
              <button
                type="button"
                onClick={() => setCustomer(null)}
                className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100"
              >
                {t("form.change")}
              </button>
            </p>
          </div>
        ) : (
          <CustomerCombobox
            label={t("form.customer")}
            placeholder={t("form.customerPlaceholder")}
            onSelect={(h) => setCustomer(h)}
            error={errors.customerId}
          />
        )}

        <TouchpointChannelFields
          options={options}
          touchpointId={touchpointId}
          channelId={channelId}
          onTouchpointChange={(id) => {
            setTouchpointId(id);
            setChannelId(byId.get(id)?.channelId ?? "");
          }}
          onChannelChange={setChannelId}
        />

        <OutcomeField value={outcome} onChange={setOutcome} error={errors.outcome} />

        <EmotionField value={emotion} onChange={setEmotion} />

        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("form.note")}
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
            {t("form.submit")}
          </button>
          <span className="text-xs text-slate-600 pointer-coarse:hidden">{t("form.shortcut")}</span>
        </div>
        <LastSaved entry={last} />
      </form>
      <PendingList
        entries={pending}
        onRetry={(p) => void sendInteraction(p)}
        onDismiss={(id) => updatePending((l) => l.filter((p) => p.clientId !== id))}
      />
    </div>
  );
}

/** What became of the entry just submitted, beside the button: saving, saved or not (then kept to retry). */
function LastSaved({ entry }: { entry: Pending | undefined }) {
  const t = useTranslations("interactions.form");
  const failureReason = useFailureReason();
  const who = entry?.customer.name ?? t("theCustomer");
  return (
    <p role="status" data-testid="last-saved" className="-mt-2 min-h-5 text-sm">
      {!entry ? null : entry.status === "saving" ? (
        <span className="text-slate-700">{t("saving", { summary: entry.summary, who })}</span>
      ) : entry.status === "saved" ? (
        <span className="font-medium text-green-800">{t("saved", { summary: entry.summary, who })}</span>
      ) : (
        <span className="font-medium text-danger">{t("notSaved", { reason: failureReason(entry) })}</span>
      )}
    </p>
  );
}
