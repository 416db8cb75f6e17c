"use client";
// One touchpoint in the editor: its kind, channel, promise and targets; edit, move up/down, archive or restore.
import { ArrowDown, ArrowUp } from "lucide-react";
import type { EditorTouchpoint } from "@/lib/journeys/editor";
import { Button } from "../ui/button";
import { ConfirmButton } from "./confirm-button";
import { TouchpointSummary, touchpointItemClass } from "./touchpoint-summary";

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
  return (
    <li className={touchpointItemClass(archived)} aria-label={`${tp.name}${archived ? " (archived)" : ""}`}>
      <TouchpointSummary tp={tp} />
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
