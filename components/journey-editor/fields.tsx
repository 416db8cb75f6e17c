// Small labelled controls the editor needs beyond components/ui: a textarea, on the same FieldShell; the choices of
// a touchpoint's kind and SERVQUAL dimension, named in the page's language (journeys.editor.kinds / .servqual).
import type { TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { SERVQUAL_DIMENSIONS, TOUCHPOINT_KINDS } from "@/lib/journeys/schema";
import { controlClass, describedBy, FieldShell, type FieldProps } from "../ui/field";

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> &
  Omit<FieldProps, "id"> & { id: string; name: string };

export function Textarea({ id, name, label, hint, error, hideLabel, className, rows = 3, ...rest }: TextareaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={controlClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

/** A touchpoint kind's and a SERVQUAL dimension's names; an unknown value as it is. */
export function useTouchpointWords() {
  const t = useTranslations("journeys.editor");
  const kind = (k: string) => ((TOUCHPOINT_KINDS as readonly string[]).includes(k) ? t(`kinds.${k as Kind}`) : k);
  const servqual = (d: string) =>
    (SERVQUAL_DIMENSIONS as readonly string[]).includes(d) ? t(`servqual.${d as Dimension}`) : d;
  return {
    kind,
    servqual,
    kindOptions: TOUCHPOINT_KINDS.map((value) => ({ value, label: kind(value) })),
    servqualOptions: [
      { value: "", label: t("servqualNone") },
      ...SERVQUAL_DIMENSIONS.map((value) => ({ value, label: servqual(value) })),
    ],
  };
}

type Kind = (typeof TOUCHPOINT_KINDS)[number];
type Dimension = (typeof SERVQUAL_DIMENSIONS)[number];
