// What Resonance's own data shows for the questions that can be checked, the level each figure implies, and
// where the latest self-assessment is two or more levels away from it.
import {
  disagreements,
  impliedLevel,
  LEVEL_NAMES,
  MATURITY_LEVELS,
  MATURITY_QUESTIONS,
  type Answers,
  type EvidenceFigure,
} from "@/lib/maturity/model";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatCount } from "@/components/ui/format";

const levelName = (n: number) => LEVEL_NAMES[MATURITY_LEVELS[n - 1]];

export function EvidenceTable({
  figures,
  answers,
  liveSurveys,
}: {
  figures: EvidenceFigure[];
  answers: Answers | null;
  liveSurveys: number;
}) {
  const off = answers ? disagreements(answers, figures) : [];
  return (
    <Table
      label="Evidence from the data"
      caption={`What the data shows (${formatCount(liveSurveys)} live ${liveSurveys === 1 ? "survey" : "surveys"})`}
    >
      <THead>
        <tr>
          <Th>Figure</Th>
          <Th className="text-right">Share</Th>
          <Th>Implies</Th>
          <Th>Self-assessment</Th>
        </tr>
      </THead>
      <TBody>
        {figures.map((f) => {
          const q = MATURITY_QUESTIONS.find((x) => x.evidence === f.key);
          const d = off.find((x) => x.evidence === f.key);
          return (
            <tr key={f.key}>
              <Td>{f.label}</Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {f.share === null ? "no data" : `${Math.round(f.share * 100)} %`}{" "}
                <span className="text-slate-500">
                  ({formatCount(f.numerator)} of {formatCount(f.denominator)})
                </span>
              </Td>
              <Td>{f.share === null ? "—" : levelName(impliedLevel(f.share))}</Td>
              <Td>
                {!answers || !q ? (
                  "—"
                ) : d ? (
                  <span className="font-medium text-red-700">Disagrees: answered {levelName(d.answer)}</span>
                ) : (
                  <span>Answered {levelName(answers[q.key])}</span>
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
