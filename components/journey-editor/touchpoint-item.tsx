"use client";
// One touchpoint in the editor: its kind, channel, promise and targets; edit, move up/down, archive or restore.
import { ArrowDown, ArrowUp } from "lucide-react";
import type { EditorTouchpoint } from "@/lib/journeys/editor";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmButton } from "./confirm-button";
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

export function TouchpointItem({
  tp,
  index,
  count,
  onEdit,
  onPatch,
}: {
  tp: EditorTouchpoint;
  index: number;
  count: number;
  onEdit: () => void;
  onPatch: (body: Record<string, unknown>, message: string) => void;
}) {
  const archived = tp.archivedAt !== null;
  const targets = targetsText(tp.targets);
  return (
    <li
      className={`rounded-md border p-3 text-sm ${archived ? "border-dashed border-slate-300 bg-slate-50 text-slate-600" : "border-slate-200 bg-white shadow-sm"}`}
      aria-label={`${tp.name}${archived ? " (archived)" : ""}`}
    >
      <p className="font-semibold break-words text-slate-900">{tp.name}</p>
      <p className="mt-1 flex flex-wrap gap-1">
        <Badge tone="brand">{kindLabel(tp.kind)}</Badge>
        <Badge>{tp.channel?.name ?? "No channel"}</Badge>
        {tp.servqualDimension ? <Badge>{tp.servqualDimension}</Badge> : null}
        {archived ? <Badge tone="warn">Archived</Badge> : null}
      </p>
      {tp.promise ? <p className="mt-2 text-xs break-words text-slate-700 italic">“{tp.promise}”</p> : null}
      {targets ? <p className="mt-1 text-xs text-slate-700 tabular-nums">{targets}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-1">
        {archived ? (
          <Button size="sm" variant="secondary" onClick={() => onPatch({ archived: false }, `Restored “${tp.name}”.`)}>
            Restore
          </Button>
        ) : (
          <>
            <Button size="sm" variant="secondary" onClick={onEdit} aria-label={`Edit touchpoint ${tp.name}`}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={index === 0}
              onClick={() => onPatch({ position: index - 1 }, `Moved “${tp.name}” up.`)}
              aria-label={`Move ${tp.name} up`}
              title="Move up"
            >
              <ArrowUp aria-hidden="true" size={15} />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={index === count - 1}
              onClick={() => onPatch({ position: index + 1 }, `Moved “${tp.name}” down.`)}
              aria-label={`Move ${tp.name} down`}
              title="Move down"
            >
              <ArrowDown aria-hidden="true" size={15} />
            </Button>
            <ConfirmButton
              label="Archive"
              accessibleLabel={`Archive touchpoint ${tp.name}`}
              question={`Archive “${tp.name}”? Its interactions and responses stay in the reports.`}
              confirmLabel="Archive"
              onConfirm={() => onPatch({ archived: true }, `Archived “${tp.name}”.`)}
            />
          </>
        )}
      </div>
    </li>
  );
}
