import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";

export function ConsentBadge({ consent }: { consent: boolean | null }) {
  const t = useTranslations("customers.consent");
  if (consent === true) return <Badge tone="ok">{t("yes")}</Badge>;
  if (consent === false) return <Badge tone="danger">{t("no")}</Badge>;
  return <Badge>{t("unknown")}</Badge>;
}

export function TagList({ tags }: { tags: string[] }) {
  const t = useTranslations("customers");
  if (!tags.length) return <span className="text-slate-500">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Badge tone="brand">{tag}</Badge>
        </li>
      ))}
    </ul>
  );
}
