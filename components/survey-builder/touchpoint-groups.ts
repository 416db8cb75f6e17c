import type { TouchpointGroup } from "./languages";

/** Touchpoints grouped by journey (in the order listTouchpoints returns them), labelled with their stage. */
export function touchpointGroups(
  list: { id: string; name: string; journey: { name: string }; stage: { name: string } }[],
): TouchpointGroup[] {
  const groups = new Map<string, TouchpointGroup>();
  for (const t of list) {
    const g = groups.get(t.journey.name) ?? { journey: t.journey.name, touchpoints: [] };
    g.touchpoints.push({ id: t.id, label: `${t.stage.name} · ${t.name}` });
    groups.set(t.journey.name, g);
  }
  return [...groups.values()];
}
