// The "Scope" field of the invite and API key forms (docs/hierarchy.md, "Granting a scope"): the whole organization
// or one active unit; shown only once the organization has units.
import { Select } from "../ui/select";
import { scopeOptions, type UnitChoice } from "./scope-options";

export function ScopeSelect({ id, units, error }: { id: string; units: readonly UnitChoice[]; error?: string }) {
  if (!units.length) return null;
  return (
    <Select
      id={id}
      name="unitId"
      label="Scope"
      defaultValue=""
      options={scopeOptions(units)}
      error={error}
      className="sm:w-64"
    />
  );
}
