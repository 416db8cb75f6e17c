// The history of self-assessments: a table of date, score, level and who saved it (the chart's alternative).
import { useTranslations } from "next-intl";
import { MATURITY_LEVELS, type MaturityLevel } from "@/lib/maturity/model";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useFormats } from "@/components/i18n/use-formats";

export type HistoryRow = { id: string; createdAt: Date; score: number; level: string; by: string | null };

export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const t = useTranslations("reports.maturity");
  const f = useFormats();
  const levelName = (level: string) =>
    (MATURITY_LEVELS as readonly string[]).includes(level) ? t(`levels.${level as MaturityLevel}`) : level;
  return (
    <Table label={t("historyTable.label")} caption={t("historyTable.caption")}>
      <THead>
        <tr>
          <Th>{t("historyTable.date")}</Th>
          <Th className="text-right">{t("historyTable.score")}</Th>
          <Th>{t("historyTable.level")}</Th>
          <Th>{t("historyTable.by")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">{f.dateTime(r.createdAt)}</Td>
            <Td className="text-right tabular-nums">{f.number(r.score, 2)}</Td>
            <Td>{levelName(r.level)}</Td>
            <Td>{r.by ?? "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
