// The "Scope" field of the invite and API key forms (docs/hierarchy.md, "Granting a scope"): the whole organization
// or one active unit; shown only once the organization has units.
import { useTranslations } from "next-intl";
import { Select } from "../ui/select";
import { scopeOptions, useScopeWords, type UnitChoice } from "./scope-options";

export function ScopeSelect({ id, units, error }: { id: string; units: readonly UnitChoice[]; error?: string }) {
  const t = useTranslations("settings.scope");
  const words = useScopeWords();
  if (!units.length) return null;
  return (
    <Select
      id={id}
      name="unitId"
      label={t("label")}
      defaultValue=""
      options={scopeOptions(units, words)}
      error={error}
      className="sm:w-64"
    />
  );
}
