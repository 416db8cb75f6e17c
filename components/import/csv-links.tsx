// "Import CSV" (managers and admins: imports are bulk changes) and "Export CSV" (everyone) for a list page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { hasRole, type Role } from "@/lib/auth/roles";
import { buttonClass } from "../ui/button";

/** `importHref` undefined: no import here (imports are for whole-organization members, docs/hierarchy.md). */
export function CsvLinks({ role, importHref, exportHref }: { role: Role; importHref?: string; exportHref: string }) {
  const t = useTranslations("customers");
  return (
    <>
      {importHref && hasRole(role, "manager") ? (
        <Link href={importHref} className={buttonClass("secondary")}>
          {t("importCsv")}
        </Link>
      ) : null}
      <a href={exportHref} download className={buttonClass("secondary")}>
        {t("exportCsv")}
      </a>
    </>
  );
}
