"use client";
// The emotion curve: each stage's average emotion (−2..+2) of the interactions at its touchpoints, from the
// server's aggregates. Stages without a recorded emotion are gaps in the line. The table below is the text
// alternative (EmotionTable).
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type CurvePoint = { stageId: string; stage: string; average: number | null; n: number };

const fmt = (x: number) => {
  const s = x.toFixed(2);
  return Number(s) === 0 ? "0.00" : x > 0 ? `+${s}` : s.replace("-", "\u2212");
};

// Long stage names would run into each other on a phone; the tooltip and the table carry the full name.
const short = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

function CurveTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: CurvePoint }> }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow-md">
      <p className="font-semibold">{p.stage}</p>
      <p>{p.average === null ? "no emotion recorded" : `average emotion ${fmt(p.average)} (n = ${p.n})`}</p>
    </div>
  );
}

export function EmotionCurve({ points, title }: { points: CurvePoint[]; title: string }) {
  return (
    <div aria-hidden="true" className="min-w-0">
      <LineChart
        accessibilityLayer={false}
        responsive
        data={points}
        style={{ width: "100%", height: 260 }}
        margin={{ top: 8, right: 16, bottom: 0, left: 28 }}
        title={title}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="stage"
          tick={{ fontSize: 11, fill: "#475569" }}
          tickLine={false}
          interval={0}
          angle={-30}
          textAnchor="end"
          height={84}
          padding={{ left: 24, right: 24 }}
          tickFormatter={short}
        />
        <YAxis
          domain={[-2, 2]}
          ticks={[-2, -1, 0, 1, 2]}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          axisLine={false}
          width={32}
          tickFormatter={(v: number) => (v > 0 ? `+${v}` : String(v).replace("-", "\u2212"))}
        />
        <ReferenceLine y={0} stroke="#94a3b8" strokeDasharray="4 4" />
        <Tooltip content={<CurveTooltip />} />
        <Line
          type="monotone"
          dataKey="average"
          stroke="#1f7f72"
          strokeWidth={2.5}
          dot={{ r: 4, fill: "#1f7f72" }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
