// Cursor pagination: "Next page" carries the current filters plus ?cursor=<last id>.
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

export function hrefWith(path: string, params: Record<string, string | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

export function Pagination({
  path,
  params,
  nextCursor,
  isFirstPage,
}: {
  path: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  isFirstPage: boolean;
}) {
  const t = useTranslations("common.pagination");
  if (!nextCursor && isFirstPage) return null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {isFirstPage ? (
        <span />
      ) : (
        <Link href={hrefWith(path, params)} className={buttonClass("ghost", "sm")}>
          {t("first")}
        </Link>
      )}
      {nextCursor ? (
        <Link href={hrefWith(path, { ...params, cursor: nextCursor })} className={buttonClass("secondary", "sm")}>
          {t("next")} <ChevronRight aria-hidden="true" size={16} />
        </Link>
      ) : (
        <span className="text-sm text-slate-600">{t("end")}</span>
      )}
    </nav>
  );
}
