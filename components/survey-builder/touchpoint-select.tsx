"use client";
// The survey's touchpoint, grouped by journey; "none" is allowed (a survey need not belong to one).
import { useTranslations } from "next-intl";
import { describedBy } from "../ui/field";
import type { TouchpointGroup } from "./languages";

type Props = {
  id: string;
  groups: TouchpointGroup[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  className: string;
};

export function TouchpointSelect({ id, groups, value, onChange, error, className }: Props) {
  const t = useTranslations("surveys.builder");
  const hint = groups.length === 0 ? t("noTouchpointsHint") : t("touchpointHint");
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("touchpoint")}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={className}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        <option value="">{t("noTouchpoint")}</option>
        {groups.map((g) => (
          <optgroup key={g.journey} label={g.journey}>
            {g.touchpoints.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
