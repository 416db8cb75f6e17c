// How to import: skip bad rows or all or nothing, and (customers) what to do with an existing external id.
import type { ImportMode, OnExisting } from "@/lib/import/mapping";
import { RadioGroup } from "./radio-group";

export function ImportOptions({
  mode,
  onModeChange,
  onExisting,
  onOnExistingChange,
}: {
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  /** null: the kind has no stored records to match (interactions, responses). */
  onExisting: OnExisting | null;
  onOnExistingChange: (v: OnExisting) => void;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <RadioGroup
        name="mode"
        legend="If some rows have problems"
        value={mode}
        onChange={(v) => onModeChange(v as ImportMode)}
        options={[
          {
            value: "skip_bad_rows",
            label: "Skip bad rows",
            hint: "Import the good rows and list the bad ones.",
          },
          {
            value: "all_or_nothing",
            label: "All or nothing",
            hint: "Check the whole file first; import nothing if any row is bad.",
          },
        ]}
      />
      {onExisting !== null ? (
        <RadioGroup
          name="onExisting"
          legend="When the external id already exists"
          value={onExisting}
          onChange={(v) => onOnExistingChange(v as OnExisting)}
          options={[
            { value: "skip", label: "Keep the existing customer", hint: "The row is counted as skipped." },
            {
              value: "update",
              label: "Update it from the file",
              hint: "Filled cells overwrite; empty cells keep what is stored.",
            },
          ]}
        />
      ) : null}
    </div>
  );
}
