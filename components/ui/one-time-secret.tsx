"use client";
// Shows a value that cannot be retrieved again (API key, SCIM token, signing secret, invite or reset link) with
// a copy button. With `what`, the notice opens with "Copy this <what> now: it will not be shown again." (in the page's language)
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CopyButton } from "./copy-button";

export function OneTimeSecret({
  id,
  label,
  value,
  what,
  children,
}: {
  id: string;
  label: string;
  value: string;
  /** What the value is, for the copy-it-now warning (its words: the "settings.oneTimeSecret" catalogue). */
  what?: "key" | "token" | "secret" | "signingSecret";
  children?: ReactNode;
}) {
  const t = useTranslations("settings.oneTimeSecret");
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      {what ? (
        <p>
          <strong>{t(what)}</strong> {children}
        </p>
      ) : (
        children
      )}
      <label htmlFor={id} className="mt-2 block text-xs font-semibold">
        {label}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-9 w-full min-w-0 rounded-md border border-amber-300 bg-white px-2 font-mono text-xs text-slate-900"
        />
        <CopyButton value={value} targetId={id} />
      </div>
    </div>
  );
}
