"use client";
// The ten recovery codes, shown once after enrolment or regeneration: copy them or download a text file.
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { CopyButton } from "../ui/copy-button";
import { buttonClass } from "../ui/button";

export function RecoveryCodesPanel({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations("account.twoFactor.recovery");
  const text = `${t("file", { email })}\n\n${codes.join("\n")}\n`;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">{t("heading")}</p>
      <p className="mt-1">{t("text")}</p>
      <ol
        aria-label={t("label")}
        className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 rounded-md border border-amber-200 bg-white p-3 font-mono text-sm text-slate-900"
      >
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap gap-2">
        <CopyButton value={codes.join("\n")} label={t("copy")} />
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="resonance-recovery-codes.txt"
          className={buttonClass("secondary", "sm")}
        >
          <Download aria-hidden="true" size={16} />
          {t("download")}
        </a>
      </div>
    </div>
  );
}
