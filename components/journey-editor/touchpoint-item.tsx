"use client";
// One touchpoint in the editor: its kind, channel, promise and targets; edit, move up/down, archive or restore.
import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("journeys.editor.touchpoint");
  const name = tp.name;
  return (
    <li className={touchpointItemClass(archived)} aria-label={t("label", { name, archived: String(archived) })}>
      <TouchpointSummary tp={tp} />
      <div className="mt-2 flex flex-wrap items-center gap-1">
        {archived ? (
          <Button size="sm" variant="secondary" onClick={() => onPatch({ archived: false }, t("restored", { name }))}>
            {t("restore")}
          </Button>
        ) : (
          <>
            <Button size="sm" variant="secondary" onClick={onEdit} aria-label={t("editLabel", { name })}>
              {t("edit")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={index === 0}
              onClick={() => onPatch({ position: index - 1 }, t("movedUp", { name }))}
              aria-label={t("moveUpLabel", { name })}
              title={t("moveUp")}
            >
              <ArrowUp aria-hidden="true" size={15} />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={index === count - 1}
              onClick={() => onPatch({ position: index + 1 }, t("movedDown", { name }))}
              aria-label={t("moveDownLabel", { name })}
              title={t("moveDown")}
            >
              <ArrowDown aria-hidden="true" size={15} />
            </Button>
            <ConfirmButton
              label={t("archive")}
              accessibleLabel={t("archiveLabel", { name })}
              question={t("archiveQuestion", { name })}
              confirmLabel={t("archive")}
              onConfirm={() => onPatch({ archived: true }, t("archived", { name }))}
            />
          </>
        )}
      </div>
    </li>
  );
}
