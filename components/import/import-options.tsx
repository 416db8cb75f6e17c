// How to import: skip bad rows or all or nothing, and (customers) what to do with an existing external id.
import { useTranslations } from "next-intl";
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
  const t = useTranslations("customers.import.wizard.options");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <RadioGroup
        name="mode"
        legend={t("modeLegend")}
        value={mode}
        onChange={(v) => onModeChange(v as ImportMode)}
        options={[
          { value: "skip_bad_rows", label: t("skip"), hint: t("skipHint") },
          { value: "all_or_nothing", label: t("allOrNothing"), hint: t("allOrNothingHint") },
        ]}
      />
      {onExisting !== null ? (
        <RadioGroup
          name="onExisting"
          legend={t("existingLegend")}
          value={onExisting}
          onChange={(v) => onOnExistingChange(v as OnExisting)}
          options={[
            { value: "skip", label: t("keep"), hint: t("keepHint") },
            { value: "update", label: t("update"), hint: t("updateHint") },
          ]}
        />
      ) : null}
    </div>
  );
}
