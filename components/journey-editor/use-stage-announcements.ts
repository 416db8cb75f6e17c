// What dnd-kit speaks while a stage is dragged: pick-up, each position it passes, drop or cancel, in the
// stages' own names and 1-based positions.
import { useRef } from "react";
import type { Announcements } from "@dnd-kit/core";
import { useTranslations } from "next-intl";

type Named = { id: string; name: string };

export function useStageAnnouncements(stages: readonly Named[]): Announcements {
  // dnd-kit reports "over itself" right after pick-up; saying so would drown the pick-up message.
  const moved = useRef(false);
  const t = useTranslations("journeys.editor.announce");
  const nameOf = (id: unknown) => stages.find((s) => s.id === id)?.name ?? t("stage");
  const positionOf = (id: unknown) => stages.findIndex((s) => s.id === id) + 1;
  const count = stages.length;
  return {
    onDragStart: ({ active }) => {
      moved.current = false;
      return t("start", { name: nameOf(active.id), position: positionOf(active.id), count });
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id && !moved.current) return undefined;
      moved.current = true;
      return over
        ? t("over", { name: nameOf(active.id), position: positionOf(over.id), count })
        : t("overNone", { name: nameOf(active.id) });
    },
    onDragEnd: ({ active, over }) =>
      over
        ? t("end", { name: nameOf(active.id), position: positionOf(over.id), count })
        : t("endNone", { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t("cancel", { name: nameOf(active.id), position: positionOf(active.id) }),
  };
}
