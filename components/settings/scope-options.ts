// The scope picker's options (docs/hierarchy.md, "Scoped memberships"): the whole organization, then the active units
// in tree order (indented by depth). A current scope that is no longer offered (an archived unit) stays selectable
// under its name, so that saving another field never widens a member's scope by accident.
import { useTranslations } from "next-intl";
import type { Option } from "../ui/select";

export type UnitChoice = { id: string; label: string };

/** The words of the scope: "Whole organization" and "<name> (archived)", in the page's language. */
export type ScopeWords = { whole: string; archived: (name: string) => string };

export function useScopeWords(): ScopeWords {
  const t = useTranslations("settings.scope");
  return { whole: t("whole"), archived: (name) => t("archived", { name }) };
}

export function scopeOptions(
  units: readonly UnitChoice[],
  words: ScopeWords,
  current?: { id: string; name: string } | null,
): Option[] {
  const options: Option[] = [{ value: "", label: words.whole }, ...units.map((u) => ({ value: u.id, label: u.label }))];
  if (current && !units.some((u) => u.id === current.id))
    options.push({ value: current.id, label: words.archived(current.name) });
  return options;
}

/** "Whole organization" or the unit's name. */
export const scopeLabel = (unit: { name: string } | null | undefined, words: ScopeWords) => unit?.name ?? words.whole;
