"use client";
// A destructive-looking action that asks first, inline (no browser dialog): "Archive X? … [Archive] [Cancel]".
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  accessibleLabel,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  accessibleLabel?: string;
}) {
  const tc = useTranslations("common");
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button size="sm" variant="ghost" onClick={() => setAsking(true)} aria-label={accessibleLabel}>
        {label}
      </Button>
    );
  return (
    <span
      role="group"
      aria-label={question}
      className="flex w-full flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-sm text-slate-800"
    >
      <span className="min-w-0 flex-1">{question}</span>
      <Button
        size="sm"
        variant="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        autoFocus
      >
        {confirmLabel}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setAsking(false)}>
        {tc("cancel")}
      </Button>
    </span>
  );
}
