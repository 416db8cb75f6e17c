// What a touchpoint is, without its controls: name, kind, channel, unit, promise and targets. The editor's
// touchpoint item adds the buttons; the read-only outline (a unit-scoped member's view) shows it as it is.
import type { EditorTouchpoint } from "@/lib/journeys/editor";
import { Badge } from "../ui/badge";
import { KIND_OPTIONS } from "./fields";

const kindLabel = (k: string) => KIND_OPTIONS.find((o) => o.value === k)?.label ?? k;

function targetsText(t: EditorTouchpoint["targets"]): string | null {
  const parts = [
    t.csat !== null ? `CSAT ${t.csat}` : null,
    t.ces !== null ? `CES ${t.ces}` : null,
    t.nps !== null ? `NPS ${t.nps}` : null,
  ].filter(Boolean);
  return parts.length ? `Targets: ${parts.join(" · ")}` : null;
}

export function touchpointItemClass(archived: boolean): string {
  return `rounded-md border p-3 text-sm ${archived ? "border-dashed border-slate-300 bg-slate-50 text-slate-600" : "border-slate-200 bg-white shadow-sm"}`;
}

/** `unitName`: shown when given (the outline names the touchpoint's unit; the editor shows it in the dialog). */
export function TouchpointSummary({ tp, unitName }: { tp: EditorTouchpoint; unitName?: string | null }) {
  const archived = tp.archivedAt !== null;
  const targets = targetsText(tp.targets);
  return (
    <>
      <p className="font-semibold break-words text-slate-900">{tp.name}</p>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge tone="brand">{kindLabel(tp.kind)}</Badge>
        <Badge>{tp.channel?.name ?? "No channel"}</Badge>
        {unitName ? <Badge>{unitName}</Badge> : null}
        {tp.servqualDimension ? <Badge>{tp.servqualDimension}</Badge> : null}
        {archived ? <Badge tone="warn">Archived</Badge> : null}
      </p>
      {tp.promise ? <p className="mt-2 text-xs break-words text-slate-700 italic">“{tp.promise}”</p> : null}
      {targets ? <p className="mt-1 text-xs text-slate-700 tabular-nums">{targets}</p> : null}
    </>
  );
}
