"use client";
// The maturity score over time (oldest → newest), with the level cut points (1.75, 2.5, 3.25) as dashed lines.
// The history table next to it is the text alternative.
import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useFormats } from "@/components/i18n/use-formats";

export type ScorePoint = { id: string; date: string; score: number };

export function ScoreChart({ points }: { points: ScorePoint[] }) {
  const t = useTranslations("reports.maturity.historyTable");
  const f = useFormats();
  return (
    <div aria-hidden="true" className="min-w-0 rounded-lg border border-slate-200 bg-white p-2 shadow-sm">
      <LineChart
        accessibilityLayer={false}
        responsive
        data={points}
        style={{ width: "100%", height: 220 }}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="date"
          tick={{ fontSize: 11, fill: "#475569" }}
          tickLine={false}
          padding={{ left: 16, right: 16 }}
        />
        <YAxis
          domain={[1, 4]}
          ticks={[1, 2, 3, 4]}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          axisLine={false}
          width={28}
          tickFormatter={(v: number) => f.count(v)}
        />
        {[1.75, 2.5, 3.25].map((y) => (
          <ReferenceLine key={y} y={y} stroke="#94a3b8" strokeDasharray="4 4" />
        ))}
        <Tooltip formatter={(v) => (typeof v === "number" ? f.number(v, 2) : String(v))} />
        <Line
          type="monotone"
          dataKey="score"
          name={t("score")}
          stroke="#1f7f72"
          strokeWidth={2.5}
          dot={{ r: 4, fill: "#1f7f72" }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
