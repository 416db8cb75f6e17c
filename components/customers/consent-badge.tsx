import { Badge } from "../ui/badge";

export function ConsentBadge({ consent }: { consent: boolean | null }) {
  if (consent === true) return <Badge tone="ok">Consented</Badge>;
  if (consent === false) return <Badge tone="danger">Declined</Badge>;
  return <Badge>Not asked</Badge>;
}

export function TagList({ tags }: { tags: string[] }) {
  if (!tags.length) return <span className="text-slate-500">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((t) => (
        <li key={t}>
          <Badge tone="brand">{t}</Badge>
        </li>
      ))}
    </ul>
  );
}
