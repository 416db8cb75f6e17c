// One touchpoint in the journey map: where (channel, kind), what is promised, and the target scores.
import { Badge } from "../ui/badge";

type Touchpoint = {
  id: string;
  name: string;
  kind: string;
  channel: { name: string } | null;
  promise: string | null;
  targets: { csat: number | null; ces: number | null; nps: number | null };
  servqualDimension: string | null;
};

const KIND_LABELS: Record<string, string> = { digital: "Digital", human: "Human", physical: "Physical" };

export function TouchpointCard({ tp }: { tp: Touchpoint }) {
  const targets = [
    tp.targets.csat !== null ? `CSAT ${tp.targets.csat} of 5` : null,
    tp.targets.ces !== null ? `CES ${tp.targets.ces} of 7` : null,
    tp.targets.nps !== null ? `NPS ${tp.targets.nps}` : null,
  ].filter(Boolean);
  return (
    <article className="rounded-md border border-slate-200 bg-white p-3 shadow-sm" aria-label={tp.name}>
      <h3 className="text-sm font-semibold text-slate-900">{tp.name}</h3>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge>{tp.channel?.name ?? "No channel"}</Badge>
        <Badge tone="brand">{KIND_LABELS[tp.kind] ?? tp.kind}</Badge>
        {tp.servqualDimension ? <Badge>{tp.servqualDimension}</Badge> : null}
      </p>
      {tp.promise ? <p className="mt-2 text-sm text-slate-700 italic">“{tp.promise}”</p> : null}
      <p className="mt-2 text-xs text-slate-600">{targets.length ? <>Target: {targets.join(" · ")}</> : "No target set"}</p>
    </article>
  );
}
