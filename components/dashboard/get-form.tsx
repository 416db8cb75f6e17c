"use client";
// A GET form that writes its fields into the URL. Without JavaScript the browser submits it as is (every
// field, empty ones included; the server treats "" as "not given"). With JavaScript the URL stays short and
// shareable: empty fields and the dates of a named period are left out. Typing a date picks "Custom range".
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";

type Props = { action: string; children: ReactNode; className?: string; "aria-label"?: string; id?: string };

export function GetForm({ action, children, className, id, ...rest }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const named = data.get("preset") && data.get("preset") !== "custom";
    const sp = new URLSearchParams();
    for (const [key, value] of data.entries()) {
      if (typeof value !== "string" || value.trim() === "") continue;
      if (named && (key === "from" || key === "to")) continue;
      sp.set(key, value.trim());
    }
    const qs = sp.toString();
    startTransition(() => router.push(qs ? `${action}?${qs}` : action, { scroll: false }));
  }

  function onChange(e: FormEvent<HTMLFormElement>) {
    const target = e.target as HTMLInputElement;
    if ((target.name === "from" || target.name === "to") && target.value) {
      const preset = e.currentTarget.elements.namedItem("preset");
      if (preset instanceof HTMLSelectElement) preset.value = "custom";
    }
  }

  return (
    <form
      method="get"
      action={action}
      onSubmit={onSubmit}
      onChange={onChange}
      aria-busy={pending || undefined}
      className={className}
      id={id}
      aria-label={rest["aria-label"]}
    >
      {children}
    </form>
  );
}
