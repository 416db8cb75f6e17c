// The scope picker's options (docs/hierarchy.md, "Scoped memberships"): the whole organization, then the active units
// in tree order (indented by depth). A current scope that is no longer offered (an archived unit) stays selectable
// under its name, so that saving another field never widens a member's scope by accident.
import type { Option } from "../ui/select";

export const WHOLE_ORGANIZATION = "Whole organization";

export type UnitChoice = { id: string; label: string };

export function scopeOptions(units: readonly UnitChoice[], current?: { id: string; name: string } | null): Option[] {
  const options: Option[] = [
    { value: "", label: WHOLE_ORGANIZATION },
    ...units.map((u) => ({ value: u.id, label: u.label })),
  ];
  if (current && !units.some((u) => u.id === current.id))
    options.push({ value: current.id, label: `${current.name} (archived)` });
  return options;
}

/** "Whole organization" or the unit's name. */
export const scopeLabel = (unit: { name: string } | null | undefined) => unit?.name ?? WHOLE_ORGANIZATION;
