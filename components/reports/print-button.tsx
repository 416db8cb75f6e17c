"use client";
import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "../ui/button";

export function PrintButton() {
  const t = useTranslations("common");
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
      <Printer aria-hidden="true" size={16} /> {t("print")}
    </button>
  );
}
