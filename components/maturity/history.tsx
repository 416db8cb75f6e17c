// The history of self-assessments: a table of date, score, level and who saved it (the chart's alternative).
import { LEVEL_NAMES, type MaturityLevel } from "@/lib/maturity/model";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";

export type HistoryRow = { id: string; createdAt: Date; score: number; level: string; by: string | null };

export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  return (
    <Table label="Assessment history" caption="History (newest first)">
      <THead>
        <tr>
          <Th>Date</Th>
          <Th className="text-right">Score</Th>
          <Th>Level</Th>
          <Th>By</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
            <Td className="text-right tabular-nums">{r.score.toFixed(2)}</Td>
            <Td>{LEVEL_NAMES[r.level as MaturityLevel] ?? r.level}</Td>
            <Td>{r.by ?? "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
