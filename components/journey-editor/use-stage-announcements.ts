// What dnd-kit speaks while a stage is dragged: pick-up, each position it passes, drop or cancel, in the
// stages' own names and 1-based positions.
import { useRef } from "react";
import type { Announcements } from "@dnd-kit/core";

type Named = { id: string; name: string };

export function useStageAnnouncements(stages: readonly Named[]): Announcements {
  // dnd-kit reports "over itself" right after pick-up; saying so would drown the pick-up message.
  const moved = useRef(false);
  const nameOf = (id: unknown) => stages.find((s) => s.id === id)?.name ?? "stage";
  const positionOf = (id: unknown) => stages.findIndex((s) => s.id === id) + 1;
  return {
    onDragStart: ({ active }) => {
      moved.current = false;
      return `Picked up stage ${nameOf(active.id)}, at position ${positionOf(active.id)} of ${stages.length}.`;
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id && !moved.current) return undefined;
      moved.current = true;
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
}
