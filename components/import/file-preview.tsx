// The first rows of the chosen file as a table, numbered as in a spreadsheet (row 1 is the header).
import { useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import type { Preview } from "./api";

export function FilePreview({ preview }: { preview: Preview }) {
  const t = useTranslations("customers.import.wizard.preview");
  return (
    <Table label={t("label")}>
      <THead>
        <tr>
          <Th>{t("row")}</Th>
          {preview.header.map((h, i) => (
            <Th key={i}>{h}</Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {preview.rows.map((r, i) => (
          <tr key={i}>
            <Td className="text-slate-500 tabular-nums">{i + 2}</Td>
            {preview.header.map((_, j) => (
              <Td key={j} className="max-w-48 truncate whitespace-nowrap">
                {r[j] ?? ""}
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
