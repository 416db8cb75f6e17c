"use client";
// The choices of the interaction form: touchpoint (most used first, grouped by journey and stage) with its
// channel, the outcome, and how the customer felt (faces). Controlled by the form, which owns the values.
import { EMOTIONS, OUTCOMES } from "@/lib/interactions/schema";
import type { LoggingOptions } from "@/lib/interactions/logging";
import { useTranslations } from "next-intl";
import { FACE_COLOUR, FACES, type Outcome } from "./labels";

export function TouchpointChannelFields({
  options,
  touchpointId,
  channelId,
  onTouchpointChange,
  onChannelChange,
}: {
  options: LoggingOptions;
  touchpointId: string;
  channelId: string;
  onTouchpointChange: (id: string) => void;
  onChannelChange: (id: string) => void;
}) {
  const tr = useTranslations("interactions.form");
  const byId = new Map(options.touchpoints.map((t) => [t.id, t]));
  const groups = [...new Set(options.touchpoints.map((t) => t.group))];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {tr("touchpoint")}
        <select
          value={touchpointId}
          onChange={(e) => onTouchpointChange(e.target.value)}
          className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm font-normal"
        >
          <option value="">{tr("noParticularTouchpoint")}</option>
          {options.mostUsed.length ? (
            <optgroup label={tr("mostUsed")}>
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
        {tr("channel")}
        <select
          value={channelId}
          onChange={(e) => onChannelChange(e.target.value)}
          className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm font-normal"
        >
          <option value="">{tr("notRecorded")}</option>
          {options.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function OutcomeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (outcome: string) => void;
  error?: string;
}) {
  const t = useTranslations("interactions");
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">{t("form.outcome")}</legend>
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
              checked={value === o}
              onChange={() => onChange(o)}
              className="sr-only"
            />
            {t(`labels.outcome.${o as Outcome}`)}
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

export function EmotionField({ value, onChange }: { value: number | null; onChange: (emotion: number) => void }) {
  const t = useTranslations("interactions");
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">{t("form.emotion")}</legend>
      <div className="grid grid-cols-5 gap-2">
        {EMOTIONS.map((em) => {
          const Face = FACES[em.value as keyof typeof FACES];
          return (
            <label
              key={em.value}
              className="flex min-h-16 cursor-pointer flex-col items-center justify-center gap-1 rounded-md border border-slate-300 px-1 text-center text-xs hyphens-auto [overflow-wrap:anywhere] has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
            >
              <input
                type="radio"
                name="emotion"
                value={em.value}
                checked={value === em.value}
                onChange={() => onChange(em.value)}
                className="sr-only"
              />
              <Face aria-hidden="true" size={24} className={FACE_COLOUR[em.value]} />
              {t(`labels.emotion.${String(em.value) as "0"}`)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
