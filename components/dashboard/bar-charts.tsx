"use client";
// Stacked bars per bucket: the NPS split (promoters / passives / detractors as shares of n) and the response
// volume per metric. Bars from fewer than 30 NPS responses are dimmed. Tables next to them are the text
// alternative; the data are the server's pre-aggregated points.
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";

export type SplitPoint = {
  label: string;
  partial: boolean;
  n: number;
  enough: boolean;
  promoters: number;
  passives: number;
  detractors: number;
};
export type VolumeBarPoint = { label: string; partial: boolean; nps: number; csat: number; ces: number; total: number };

// `name` is the key of the legend's label in dashboard.chart.
const SPLIT = [
  { key: "promoters", color: "#1f7f72" },
  { key: "passives", color: "#b8b39a" },
  { key: "detractors", color: "#c2410c" },
] as const;

const VOLUME = [
  { key: "nps", name: "NPS", color: "#1f7f72" },
  { key: "csat", name: "CSAT", color: "#2563eb" },
  { key: "ces", name: "CES", color: "#7c3aed" },
] as const;

const axis = { tick: { fontSize: 12, fill: "#475569" }, tickLine: false } as const;
const pct = (part: number, n: number) => (n === 0 ? 0 : (100 * part) / n);

function Legend({ items, extra }: { items: ReadonlyArray<{ name: string; color: string }>; extra?: string }) {
  const t = useTranslations("dashboard.chart");
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
      {items.map((it) => (
        <li key={it.name} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ background: it.color }} />
          {it.name}
        </li>
      ))}
      {extra ? <li className="text-slate-600">{extra}</li> : null}
    </ul>
  );
}

function Box({ children }: { children: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow-md">
      {children}
    </div>
  );
}

type SplitRow = SplitPoint & { promotersPct: number; passivesPct: number; detractorsPct: number };

export function NpsSplitChart({ points, title }: { points: SplitPoint[]; title: string }) {
  const t = useTranslations("dashboard.chart");
  const f = useFormats();
  const split = SPLIT.map((s) => ({ ...s, name: t(s.key) }));
  const data: SplitRow[] = points.map((p) => ({
    ...p,
    promotersPct: pct(p.promoters, p.n),
    passivesPct: pct(p.passives, p.n),
    detractorsPct: pct(p.detractors, p.n),
  }));
  return (
    <div>
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", height: 240 }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title={title}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" {...axis} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          {...axis}
          axisLine={false}
          width={52}
          tickFormatter={(y: number) => f.percent(y, 0)}
        />
        <Tooltip
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as SplitRow | undefined;
            if (!active || !p) return null;
            return (
              <Box>
                <p className="font-semibold">
                  {p.label}
                  {p.partial ? t("partialSuffix") : ""}
                </p>
                {p.n === 0 ? (
                  <p>{t("noResponses", { n: f.nEquals(0) })}</p>
                ) : (
                  split.map((s) => (
                    <p key={s.key}>{`${s.name}: ${f.percent(pct(p[s.key], p.n), 0)} (${f.count(p[s.key])})`}</p>
                  ))
                )}
                {p.n > 0 ? <p>{p.enough ? f.nEquals(p.n) : t("tooFew", { n: f.nEquals(p.n) })}</p> : null}
              </Box>
            );
          }}
        />
        {split.map((s) => (
          <Bar
            key={s.key}
            dataKey={`${s.key}Pct`}
            name={s.name}
            stackId="split"
            fill={s.color}
            isAnimationActive={false}
          >
            {data.map((p) => (
              <Cell key={p.label} fillOpacity={p.enough ? 1 : 0.4} />
            ))}
          </Bar>
        ))}
      </BarChart>
      <Legend items={split} extra={t("fadedBars")} />
    </div>
  );
}

export function VolumeChart({ points, title }: { points: VolumeBarPoint[]; title: string }) {
  const t = useTranslations("dashboard.chart");
  const f = useFormats();
  return (
    <div>
      <BarChart
        responsive
        data={points}
        style={{ width: "100%", height: 220 }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title={title}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" {...axis} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
        <YAxis allowDecimals={false} {...axis} axisLine={false} width={44} tickFormatter={(y: number) => f.count(y)} />
        <Tooltip
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as VolumeBarPoint | undefined;
            if (!active || !p) return null;
            return (
              <Box>
                <p className="font-semibold">
                  {p.label}
                  {p.partial ? t("partialSuffix") : ""}
                </p>
                {VOLUME.map((v) => (
                  <p key={v.key}>{`${v.name}: ${f.count(p[v.key])}`}</p>
                ))}
                <p>{t("total", { total: f.count(p.total) })}</p>
              </Box>
            );
          }}
        />
        {VOLUME.map((v) => (
          <Bar key={v.key} dataKey={v.key} name={v.name} stackId="volume" fill={v.color} isAnimationActive={false} />
        ))}
      </BarChart>
      <Legend items={VOLUME} />
    </div>
  );
}
