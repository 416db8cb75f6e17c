// The result line of a form: announced to screen readers when it appears.
import type { ReactNode } from "react";

export function FormMessage({
  tone,
  children,
  id,
}: {
  tone: "error" | "success" | "info" | "warning";
  children: ReactNode;
  id?: string;
}) {
  const style =
    tone === "error"
      ? "border-red-200 bg-red-50 text-red-800"
      : tone === "success"
        ? "border-green-200 bg-green-50 text-green-800"
        : tone === "warning"
          ? "border-amber-300 bg-amber-50 text-amber-900"
          : "border-slate-200 bg-slate-50 text-slate-700";
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${style}`}
    >
      {children}
    </div>
  );
}
