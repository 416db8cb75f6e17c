"use client";
// The journey editor: stages as columns (stacked on a phone), reordered by drag, by dnd-kit's keyboard sensor
// (focus a handle, Space, arrows, Space) or by the move buttons, each with a spoken announcement. Every change
// is saved through the REST API at once and the editor reloads the journey from it, so what you see is stored.
import { useState } from "react";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, rectSortingStrategy, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import type { EditorJourney } from "@/lib/journeys/editor";
import { moveItem } from "@/lib/journeys/reorder";
import { useSend } from "./api";
import { ArchivedStages } from "./archived-stages";
import { JourneyDetails } from "./journey-details";
import { NewStageForm } from "./new-stage-form";
import { StageColumn } from "./stage-column";
import { useStageAnnouncements } from "./use-stage-announcements";

type Channel = { id: string; name: string };

export function JourneyEditor({
  initial,
  channels,
  units,
}: {
  initial: EditorJourney;
  channels: Channel[];
  units?: { id: string; label: string }[];
}) {
  const t = useTranslations("journeys.editor");
  const send = useSend();
  const [journey, setJourney] = useState(initial);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const stages = journey.stages.filter((s) => !s.archivedAt);
  const archivedStages = journey.stages.filter((s) => s.archivedAt);

  async function reload(text: string, error = false) {
    const res = await send<EditorJourney>("GET", `/api/v1/journeys/${journey.id}?includeArchived=true`);
    if (res.ok) setJourney(res.data);
    setStatus({ text, error });
  }

  async function move(from: number, to: number) {
    if (to < 0 || to >= stages.length || from === to) return;
    const next = moveItem(stages, from, to);
    // Optimistic: show the new order now, then store it (and reload what was stored).
    setJourney({ ...journey, stages: [...next, ...archivedStages] });
    const res = await send("PUT", `/api/v1/journeys/${journey.id}/stages/order`, { stageIds: next.map((s) => s.id) });
    await reload(
      res.ok
        ? t("status.moved", { name: stages[from].name, position: to + 1, count: stages.length })
        : t("status.notMoved", { message: res.message }),
      !res.ok,
    );
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    void move(
      stages.findIndex((s) => s.id === active.id),
      stages.findIndex((s) => s.id === over.id),
    );
  }

  const announcements = useStageAnnouncements(stages);

  async function restoreStage(id: string, name: string) {
    const res = await send("PATCH", `/api/v1/stages/${id}`, { archived: false });
    await reload(res.ok ? t("status.stageRestored", { name }) : res.message, !res.ok);
  }

  return (
    <>
      <JourneyDetails journey={journey} onChanged={reload} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{t("dragHint")}</p>
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="size-4"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          {t("showArchived")}
        </label>
      </div>
      <NewStageForm journeyId={journey.id} onAdded={reload} />
      <p
        role="status"
        aria-live="polite"
        data-testid="editor-status"
        className={`mb-3 min-h-5 text-sm ${status?.error ? "font-medium text-danger" : "text-slate-700"}`}
      >
        {status?.text}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable: t("dragInstructions"),
          },
        }}
      >
        <SortableContext items={stages.map((s) => s.id)} strategy={rectSortingStrategy}>
          <div role="region" aria-label={t("stagesRegion")} tabIndex={0} className="relative overflow-x-auto pb-3">
            <ol className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label={t("stagesList")}>
              {stages.map((stage, i) => (
                <StageColumn
                  key={stage.id}
                  stage={stage}
                  index={i}
                  count={stages.length}
                  showArchived={showArchived}
                  stages={stages}
                  channels={channels}
                  units={units}
                  onMove={(from, to) => void move(from, to)}
                  onChanged={reload}
                />
              ))}
            </ol>
          </div>
        </SortableContext>
      </DndContext>
      {stages.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("noStages")}</p> : null}
      {showArchived ? (
        <ArchivedStages stages={archivedStages} onRestore={(id, name) => void restoreStage(id, name)} />
      ) : null}
    </>
  );
}
