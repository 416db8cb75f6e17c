"use client";
// One select per CSV column: a field of the kind being imported, an attribute (customers; named after the
// column) or "ignore",
// next to the column's first values so the choice is easy to check. Fields are named by `fieldLabel` (field-label.ts).
import { useTranslations } from "next-intl";
import type { Mapping, MappingSpec } from "@/lib/import/mapping";
import { controlClass } from "../ui/field";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import type { Preview } from "./api";

export const ATTRIBUTE = "__attribute";

/** What the select shows for a column's mapping target. */
export function choiceOf(target: string | undefined): string {
  if (!target || target === "ignore") return "ignore";
  if (target.startsWith("attributes.")) return ATTRIBUTE;
  return target;
}

export function MappingStep({
  spec,
  preview,
  mapping,
  onChange,
  fieldLabel,
}: {
  spec: MappingSpec;
  preview: Preview;
  mapping: Mapping;
  onChange: (m: Mapping) => void;
  fieldLabel: (field: string) => string;
}) {
  const t = useTranslations("customers.import.wizard.mapping");
  const used = new Set(Object.values(mapping));
  const set = (column: string, choice: string) => {
    const next = { ...mapping };
    next[column] = choice === ATTRIBUTE ? `attributes.${column.slice(0, 100)}` : (choice as Mapping[string]);
    onChange(next);
  };
  return (
    <Table label={t("label")} caption={t("caption")}>
      <THead>
        <tr>
          <Th>{t("column")}</Th>
          <Th className="hidden sm:table-cell">{t("firstValues")}</Th>
          <Th>{t("importAs")}</Th>
        </tr>
      </THead>
      <TBody>
        {preview.header.map((column, i) => {
          const id = `map-${i}`;
          const choice = choiceOf(mapping[column]);
          return (
            <tr key={`${i}-${column}`}>
              <Td className="font-medium">
                <label htmlFor={id}>{column || t("unnamedColumn", { n: i + 1 })}</label>
              </Td>
              <Td className="hidden max-w-56 truncate text-slate-600 sm:table-cell">
                {preview.rows
                  .slice(0, 3)
                  .map((r) => r[i] ?? "")
                  .filter(Boolean)
                  .join(", ") || "—"}
              </Td>
              <Td className="min-w-44">
                <select id={id} value={choice} onChange={(e) => set(column, e.target.value)} className={controlClass}>
                  <option value="ignore">{t("ignore")}</option>
                  {spec.fields.map((f) => (
                    <option key={f} value={f} disabled={used.has(f) && choice !== f}>
                      {fieldLabel(f)}
                    </option>
                  ))}
                  {spec.attributes ? (
                    <option value={ATTRIBUTE}>{t("attribute", { column: column.slice(0, 40) })}</option>
                  ) : null}
                </select>
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
