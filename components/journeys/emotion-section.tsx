// The emotion curve with its table alternative (the same numbers, for screen readers and print).
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { formatCount } from "../ui/format";
import { EmotionCurve, type CurvePoint } from "./emotion-curve";
import { emotionText } from "./figures";

export function EmotionSection({ points }: { points: CurvePoint[] }) {
  const any = points.some((p) => p.average !== null);
  return (
    <section
      aria-labelledby="emotion-heading"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:break-inside-avoid"
    >
      <h2 id="emotion-heading" className="text-base font-semibold text-slate-900">
        Emotion curve
      </h2>
      <p className="mb-2 text-sm text-slate-600">
        Average emotion of the interactions logged at each stage’s touchpoints, from −2 (angry) to +2 (delighted).
      </p>
      {any ? (
        <EmotionCurve points={points} title="Average emotion per stage" />
      ) : (
        <p className="text-sm text-slate-500">No interaction in this period recorded an emotion.</p>
      )}
      <details className="mt-2 print:open">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Emotion per stage as a table</summary>
        <Table label="Average emotion per stage" className="mt-2">
          <THead>
            <tr>
              <Th>Stage</Th>
              <Th>Average emotion</Th>
              <Th className="normal-case">n</Th>
            </tr>
          </THead>
          <TBody>
            {points.map((p) => (
              <tr key={p.stageId}>
                <Th scope="row" className="font-medium normal-case">
                  {p.stage}
                </Th>
                <Td className="tabular-nums">{emotionText(p.average)}</Td>
                <Td className="tabular-nums">{formatCount(p.n)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </details>
    </section>
  );
}
