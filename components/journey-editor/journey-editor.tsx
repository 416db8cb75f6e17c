"use client";
// The journey editor: stages as columns (stacked on a phone), reordered by drag, by dnd-kit's keyboard sensor
// (focus a handle, Space, arrows, Space) or by the move buttons, each with a spoken announcement. Every change
// is saved through the REST API at once and the editor reloads the journey from it, so what you see is stored.
import { useRef, useState, type FormEvent } from "react";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, rectSortingStrategy, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { Plus } from "lucide-react";
import type { EditorJourney } from "@/lib/journeys/editor";
import { moveItem } from "@/lib/journeys/reorder";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { send } from "./api";
import { JourneyDetails } from "./journey-details";
import { StageColumn } from "./stage-column";

type Channel = { id: string; name: string };

export function JourneyEditor({ initial, channels }: { initial: EditorJourney; channels: Channel[] }) {
  const [journey, setJourney] = useState(initial);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [newStageError, setNewStageError] = useState<string | undefined>();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const stages = journey.stages.filter((s) => !s.archivedAt);
  const archivedStages = journey.stages.filter((s) => s.archivedAt);
  const nameOf = (id: unknown) => stages.find((s) => s.id === id)?.name ?? "stage";
  const positionOf = (id: unknown) => stages.findIndex((s) => s.id === id) + 1;

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
      res.ok ? `Moved “${stages[from].name}” to position ${to + 1} of ${stages.length}.` : `Not moved: ${res.message}`,
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

  // dnd-kit reports "over itself" right after pick-up; saying so would drown the pick-up message.
  const movedSincePickUp = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      movedSincePickUp.current = false;
      return `Picked up stage ${nameOf(active.id)}, at position ${positionOf(active.id)} of ${stages.length}.`;
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id && !movedSincePickUp.current) return undefined;
      movedSincePickUp.current = true;
      return over
        ? `Stage ${nameOf(active.id)} is over position ${positionOf(over.id)} of ${stages.length}.`
        : `Stage ${nameOf(active.id)} is no longer over a position.`;
    },
    onDragEnd: ({ active, over }) =>
      over
        ? `Stage ${nameOf(active.id)} dropped at position ${positionOf(over.id)} of ${stages.length}.`
        : `Stage ${nameOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) =>
      `Moving stage ${nameOf(active.id)} cancelled; it stays at position ${positionOf(active.id)}.`,
  };

  async function addStage(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    const res = await send("POST", `/api/v1/journeys/${journey.id}/stages`, { name });
    if (!res.ok) return setNewStageError(res.fieldErrors.name ?? res.message);
    setNewStageError(undefined);
    form.reset();
    await reload(`Added the stage “${name.trim()}”.`);
  }

  async function restoreStage(id: string, name: string) {
    const res = await send("PATCH", `/api/v1/stages/${id}`, { archived: false });
    await reload(res.ok ? `Restored the stage “${name}” at the end of the journey.` : res.message, !res.ok);
  }

  return (
    <>
      <JourneyDetails journey={journey} onChanged={reload} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Drag a stage by its handle, or focus the handle and press Space, the arrow keys and Space again; the arrow
          buttons move it one place.
        </p>
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            className="size-4"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          Show archived
        </label>
      </div>
      <form onSubmit={addStage} className="mb-4 flex flex-wrap items-end gap-2">
        <Input
          id="new-stage-name"
          name="name"
          label="New stage"
          placeholder="e.g. Onboarding"
          error={newStageError}
          className="w-full sm:w-72"
        />
        <Button type="submit">
          <Plus aria-hidden="true" size={15} /> Add stage
        </Button>
      </form>
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
            draggable:
              "To reorder a stage, press Space to pick it up, use the arrow keys to move it, then press Space to drop it or Escape to cancel.",
          },
        }}
      >
        <SortableContext items={stages.map((s) => s.id)} strategy={rectSortingStrategy}>
          <div
            role="region"
            aria-label="Stages in journey order (scrolls sideways)"
            tabIndex={0}
            className="relative overflow-x-auto pb-3"
          >
            <ol className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="Stages in journey order">
              {stages.map((stage, i) => (
                <StageColumn
                  key={stage.id}
                  stage={stage}
                  index={i}
                  count={stages.length}
                  showArchived={showArchived}
                  stages={stages}
                  channels={channels}
                  onMove={(from, to) => void move(from, to)}
                  onChanged={reload}
                />
              ))}
            </ol>
          </div>
        </SortableContext>
      </DndContext>
      {stages.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          This journey has no stages yet: add the first one with New stage (for example Discover, Sign up, Use).
        </p>
      ) : null}
      {showArchived ? (
        <section aria-labelledby="archived-stages" className="mt-6">
          <h2 id="archived-stages" className="mb-2 text-base font-semibold text-slate-900">
            Archived stages
          </h2>
          {archivedStages.length === 0 ? (
            <p className="text-sm text-slate-600">No archived stages.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {archivedStages.map((s) => (
                <li
                  key={s.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 text-sm"
                >
                  <span>
                    <strong>{s.name}</strong> · {s.touchpoints.length}{" "}
                    {s.touchpoints.length === 1 ? "touchpoint" : "touchpoints"}
                  </span>
                  <Button size="sm" variant="secondary" onClick={() => void restoreStage(s.id, s.name)}>
                    Restore<span className="sr-only"> stage {s.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
