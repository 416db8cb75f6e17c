// Pure ordering rules for the journey editor: a new order of stages must name exactly the journey's active
// stages, once each; moving an item renumbers its list 0..n-1. No I/O, so the rules are unit-tested alone.
import type { InvalidParam } from "../errors";

/** Problems with a proposed full order of ids against the ids that exist (empty = valid). */
export function orderProblems(
  existing: readonly string[],
  proposed: readonly string[],
  field = "stageIds",
): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const known = new Set(existing);
  const seen = new Set<string>();
  const duplicates = proposed.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  const unknown = proposed.filter((id) => !known.has(id));
  const missing = existing.filter((id) => !seen.has(id));
  if (duplicates.length)
    problems.push({
      name: field,
      reason: `Lists a stage more than once: ${[...new Set(duplicates)].join(", ")}`,
      in: "body",
    });
  if (unknown.length)
    problems.push({ name: field, reason: `Not an active stage of this journey: ${unknown.join(", ")}`, in: "body" });
  if (missing.length)
    problems.push({
      name: field,
      reason: `Leaves out ${missing.length} active ${missing.length === 1 ? "stage" : "stages"} of this journey`,
      in: "body",
    });
  return problems;
}

/** The list with the item at `from` moved to index `to` (clamped); the input is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** `ids` with `id` inserted at `index` (clamped to the end), after removing it wherever it was. */
export function placeAt(ids: readonly string[], id: string, index: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(rest.length, index));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Positions 0..n-1 for active ids in order, then archived ids after them (keeping their relative order). */
export function positionsFor(
  activeInOrder: readonly string[],
  archivedInOrder: readonly string[],
): Map<string, number> {
  return new Map([...activeInOrder, ...archivedInOrder].map((id, i) => [id, i]));
}
