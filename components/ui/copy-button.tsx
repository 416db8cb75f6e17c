"use client";
// Copies a one-time value (invite link, API key) and says so; falls back to selecting the text.
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

export function CopyButton({ value, targetId, label }: { value: string; targetId?: string; label?: string }) {
  const t = useTranslations("common");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      const el = targetId ? document.getElementById(targetId) : null;
      if (el instanceof HTMLInputElement) el.select();
      setState("failed");
    }
  }

  return (
    <>
      <button type="button" onClick={copy} className={buttonClass("secondary", "sm")}>
        {state === "copied" ? <Check aria-hidden="true" size={16} /> : <Copy aria-hidden="true" size={16} />}
        {state === "copied" ? t("copied") : (label ?? t("copy"))}
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("copiedStatus") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </>
  );
}
