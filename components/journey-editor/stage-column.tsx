"use client";
// One stage as a sortable column: drag handle (pointer or keyboard through dnd-kit), move left/right buttons,
// inline rename, its touchpoints, "Add touchpoint", the blueprint lanes, and archive with confirmation.
import { useState } from "react";
import { useSortable } from "@dnd-kit/sortable";
import { ChevronDown, ChevronLeft, ChevronRight, ChevronUp, GripVertical, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { EditorStage, EditorTouchpoint } from "@/lib/journeys/editor";
import { Button } from "../ui/button";
import { useSend } from "./api";
import { BlueprintForm } from "./blueprint-form";
import { ConfirmButton } from "./confirm-button";
import { StageName } from "./stage-name";
import { TouchpointDialog } from "./touchpoint-dialog";
import { TouchpointItem } from "./touchpoint-item";

type Props = {
  stage: EditorStage;
  index: number;
  count: number;
  showArchived: boolean;
  stages: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  units?: { id: string; label: string }[];
  onMove: (from: number, to: number) => void;
  onChanged: (message: string, error?: boolean) => void;
};

export function StageColumn({ stage, index, count, showArchived, stages, channels, units, onMove, onChanged }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
  });
  const t = useTranslations("journeys.editor.stage");
  const send = useSend();
  const [dialog, setDialog] = useState<{ touchpoint?: EditorTouchpoint } | null>(null);
  const active = stage.touchpoints.filter((tp) => !tp.archivedAt);
  const archived = stage.touchpoints.filter((tp) => tp.archivedAt);

  async function patchTouchpoint(id: string, body: Record<string, unknown>, message: string) {
    const res = await send("PATCH", `/api/v1/touchpoints/${id}`, body);
    onChanged(res.ok ? message : res.message, !res.ok);
  }
  async function archiveStage() {
    const res = await send("PATCH", `/api/v1/stages/${stage.id}`, { archived: true });
    onChanged(res.ok ? t("archived", { name: stage.name }) : res.message, !res.ok);
  }

  return (
    <li
      ref={setNodeRef}
      style={{
        transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
        transition,
      }}
      className={`flex w-full flex-col rounded-lg border bg-slate-50 p-3 sm:w-64 sm:shrink-0 ${isDragging ? "z-10 border-brand-400 shadow-lg" : "border-slate-200"}`}
      aria-label={t("label", { index: index + 1, count, name: stage.name })}
      data-testid="stage-column"
    >
      <div className="mb-2 flex items-center gap-1 border-b border-slate-200 pb-2">
        <button
          ref={setActivatorNodeRef}
          type="button"
          {...attributes}
          {...listeners}
          aria-label={t("reorder", { name: stage.name })}
          className="inline-flex min-h-9 min-w-9 cursor-grab touch-none items-center justify-center rounded-md text-slate-600 hover:bg-slate-200 active:cursor-grabbing"
        >
          <GripVertical aria-hidden="true" size={18} />
        </button>
        <span className="text-xs font-medium text-slate-600 tabular-nums">{t("number", { index: index + 1 })}</span>
        <span className="ml-auto flex">
          <Button
            size="sm"
            variant="ghost"
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
            aria-label={t("moveLeft", { name: stage.name })}
            title={t("moveEarlier")}
          >
            <ChevronLeft aria-hidden="true" size={16} className="hidden sm:block" />
            <ChevronUp aria-hidden="true" size={16} className="sm:hidden" />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
            aria-label={t("moveRight", { name: stage.name })}
            title={t("moveLater")}
          >
            <ChevronRight aria-hidden="true" size={16} className="hidden sm:block" />
            <ChevronDown aria-hidden="true" size={16} className="sm:hidden" />
          </Button>
        </span>
      </div>
      <StageName id={stage.id} name={stage.name} onSaved={onChanged} />
      <ul className="mt-3 flex flex-col gap-2" aria-label={t("touchpointsOf", { name: stage.name })}>
        {active.map((tp, i) => (
          <TouchpointItem
            key={tp.id}
            tp={tp}
            index={i}
            count={active.length}
            onEdit={() => setDialog({ touchpoint: tp })}
            onPatch={(body, m) => patchTouchpoint(tp.id, body, m)}
          />
        ))}
        {showArchived
          ? archived.map((tp) => (
              <TouchpointItem
                key={tp.id}
                tp={tp}
                index={-1}
                count={0}
                onEdit={() => undefined}
                onPatch={(body, m) => patchTouchpoint(tp.id, body, m)}
              />
            ))
          : null}
        {active.length === 0 ? (
          <li className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600">
            {t("noTouchpoints")}
          </li>
        ) : null}
      </ul>
      <Button size="sm" variant="secondary" className="mt-2 self-start" onClick={() => setDialog({})}>
        <Plus aria-hidden="true" size={15} />{" "}
        {t.rich("addTouchpoint", { name: stage.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      </Button>
      <BlueprintForm stage={stage} onSaved={onChanged} />
      <div className="mt-3">
        <ConfirmButton
          label={t("archive")}
          accessibleLabel={t("archiveLabel", { name: stage.name })}
          question={t("archiveQuestion", { name: stage.name })}
          confirmLabel={t("archiveConfirm")}
          onConfirm={archiveStage}
        />
      </div>
      <TouchpointDialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        onSaved={onChanged}
        stageId={stage.id}
        touchpoint={dialog?.touchpoint}
        stages={stages}
        channels={channels}
        units={units}
      />
    </li>
  );
}
