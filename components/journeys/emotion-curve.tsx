// The emotion curve drawn under the stage columns of the journey map: each stage's average emotion (−2..+2) of
// the interactions at its touchpoints, one point at the centre of its stage's column. The map's grid has equal
// columns and no column gap (journey-overview.tsx), so the point of stage i (of N) sits at (i + ½) / N of the
// width: the SVG uses percentages for x and pixels for y, and stays aligned at any width without measuring.
// Stages without a recorded emotion are gaps in the line. Each point carries its value in text; the table in
// EmotionTable is the text alternative.
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";
import { Table, TBody, Td, Th, THead } from "../ui/table";
import { emotionText } from "./figures";

export type CurvePoint = { stageId: string; stage: string; average: number | null; n: number };

const HEIGHT = 168;
const TOP = 26; // room for the value above a point at +2
const BOTTOM = 12;
const y = (v: number) => TOP + ((2 - v) / 4) * (HEIGHT - TOP - BOTTOM);
const xPct = (i: number, count: number) => `${((100 * (i + 0.5)) / count).toFixed(4)}%`;
const TICKS = [2, 1, 0, -1, -2] as const;
// SVG text-anchor keywords (kept out of the markup: the lint rule reads textAnchor as a textual attribute)
const END = "end";
const MIDDLE = "middle";
const tickText = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `\u2212${-v}` : "0");

export function EmotionCurve({ points }: { points: CurvePoint[] }) {
  const t = useTranslations("journeys.emotion");
  const f = useFormats();
  const count = points.length;
  const segments: { from: number; to: number }[] = [];
  points.forEach((p, i) => {
    const next = points[i + 1];
    if (p.average !== null && next && next.average !== null) segments.push({ from: i, to: i + 1 });
  });
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="100%"
      height={HEIGHT}
      className="block overflow-visible text-[11px]"
      data-testid="emotion-curve"
    >
      {TICKS.map((v) => (
        <g key={v}>
          <line
            x1="22"
            x2="100%"
            y1={y(v)}
            y2={y(v)}
            stroke={v === 0 ? "#94a3b8" : "#e2e8f0"}
            strokeDasharray={v === 0 ? "4 4" : undefined}
          />
          <text x="18" y={y(v)} dy="0.32em" textAnchor={END} fill="#475569" className="tabular-nums">
            {tickText(v)}
          </text>
        </g>
      ))}
      {segments.map((s) => (
        <line
          key={s.from}
          x1={xPct(s.from, count)}
          x2={xPct(s.to, count)}
          y1={y(points[s.from].average!)}
          y2={y(points[s.to].average!)}
          stroke="#1f7f72"
          strokeWidth={2.5}
          strokeLinecap="round"
        />
      ))}
      {points.map((p, i) =>
        p.average === null ? (
          <text
            key={p.stageId}
            x={xPct(i, count)}
            y={y(0)}
            dy="-0.6em"
            textAnchor={MIDDLE}
            fill="#475569"
            data-stage={p.stageId}
          >
            {t("noneRecorded")}
          </text>
        ) : (
          <g key={p.stageId}>
            <circle
              cx={xPct(i, count)}
              cy={y(p.average)}
              r={5}
              fill={p.average < 0 ? "#b91c1c" : "#1f7f72"}
              stroke="#fff"
              strokeWidth={1.5}
              data-stage={p.stageId}
            />
            <text
              x={xPct(i, count)}
              y={y(p.average)}
              dy="-0.9em"
              textAnchor={MIDDLE}
              fill="#0f172a"
              fontWeight={600}
              className="tabular-nums"
            >
              {emotionText(p.average, f)}
            </text>
          </g>
        ),
      )}
    </svg>
  );
}

/** The same numbers as a table, for screen readers and print. */
export function EmotionTable({ points }: { points: CurvePoint[] }) {
  const t = useTranslations("journeys.emotion");
  const f = useFormats();
  return (
    <details className="mt-2 print:open">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("asTable")}</summary>
      <Table label={t("tableLabel")} className="mt-2">
        <THead>
          <tr>
            <Th>{t("stage")}</Th>
            <Th>{t("average")}</Th>
            <Th className="normal-case">n</Th>
          </tr>
        </THead>
        <TBody>
          {points.map((p) => (
            <tr key={p.stageId}>
              <Th scope="row" className="font-medium normal-case">
                {p.stage}
              </Th>
              <Td className="tabular-nums">{emotionText(p.average, f)}</Td>
              <Td className="tabular-nums">{f.count(p.n)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </details>
  );
}
