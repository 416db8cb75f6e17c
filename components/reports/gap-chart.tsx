"use client";
// The experience gaps at a glance: one row per promised metric of a touchpoint, friction first
// (gap-chart-layout.ts), each gap a mark on one axis in % of its scale with its 95 % interval as a whisker and a
// line at 0 (= as promised). The mark's shape and the words beside it carry the verdict (colour only repeats it);
// below 30 responses the mark is hollow, no whisker is drawn and the row says "too few responses". The first
// TOP rows show, "Show all" adds the rest. Each row is HTML text (touchpoint, figure, n, verdict); the SVG only
// draws, so it is hidden from screen readers. The table below, with every row, is the table alternative.
import { useId, useState } from "react";
import type { GapRow } from "@/lib/journeys/gaps-report";
import type { GapStatus } from "@/lib/journeys/gap";
import { formatNumber, nEquals } from "@/lib/metrics";
import { formatCount } from "../ui/format";
import { gapStatusLabel } from "../journeys/gap-status-label";
import { METRIC_NAMES, signed } from "../journeys/figures";
import { TouchpointName } from "./touchpoint-name";
import { axisPosition, gapAxis, gapChartItems, type GapAxis, type GapChartItem } from "./gap-chart-layout";

/** Rows shown before "Show all"; a list at most SHOW_ALL_UNDER long is shown whole. */
export const TOP = 20;
const SHOW_ALL_UNDER = 25;

const MARK: Record<GapStatus, { colour: string; text: string }> = {
  friction: { colour: "#b91c1c", text: "text-red-800" },
  delight: { colour: "#15803d", text: "text-green-800" },
  as_promised: { colour: "#334155", text: "text-slate-700" },
  too_few_responses: { colour: "#64748b", text: "text-slate-600" },
  no_responses: { colour: "#64748b", text: "text-slate-600" },
};

const pctText = (x: number) => (x === 0 ? "0" : `${x > 0 ? "+" : ""}${formatNumber(x, 0)} %`);

/** The shape of a verdict, centred on (0, 0): ▼ friction, ◆ delight, ● as promised, ○ too few. */
function Shape({ status, size = 6 }: { status: GapStatus; size?: number }) {
  const { colour } = MARK[status];
  const s = size;
  if (status === "friction") return <path d={`M${-s},${-s * 0.8} L${s},${-s * 0.8} L0,${s} Z`} fill={colour} />;
  if (status === "delight") return <path d={`M0,${-s} L${s},0 L0,${s} L${-s},0 Z`} fill={colour} />;
  if (status === "as_promised") return <circle r={s * 0.8} fill={colour} />;
  return <circle r={s * 0.75} fill="white" stroke={colour} strokeWidth={2} strokeDasharray="2.5 2" />;
}

function LegendShape({ status }: { status: GapStatus }) {
  return (
    <svg width={16} height={16} viewBox="-8 -8 16 16" aria-hidden="true" className="inline-block shrink-0">
      <Shape status={status} />
    </svg>
  );
}

function Track({ item, axis }: { item: GapChartItem<GapRow>; axis: GapAxis }) {
  const status = item.row.gap.status;
  const { colour } = MARK[status];
  const zero = axisPosition(axis, 0);
  const at = (v: number) => `${axisPosition(axis, v)}%`;
  return (
    <div
      className="relative col-span-2 h-7 sm:col-span-1 sm:col-start-2 sm:row-start-1 sm:h-auto sm:min-h-9 sm:self-stretch"
      data-testid="gap-track"
    >
      <svg aria-hidden="true" className="absolute inset-0 h-full w-full overflow-visible">
        {axis.ticks.map((t) =>
          t === 0 ? null : <line key={t} x1={at(t)} x2={at(t)} y1="0" y2="100%" stroke="#e2e8f0" strokeWidth={1} />,
        )}
        <line x1={`${zero}%`} x2={`${zero}%`} y1="0" y2="100%" stroke="#475569" strokeWidth={1.5} />
        {item.interval ? (
          <g data-testid="gap-interval" stroke={colour} strokeWidth={2}>
            <line x1={at(item.interval.low)} x2={at(item.interval.high)} y1="50%" y2="50%" />
            <line x1={at(item.interval.low)} x2={at(item.interval.low)} y1="30%" y2="70%" />
            <line x1={at(item.interval.high)} x2={at(item.interval.high)} y1="30%" y2="70%" />
          </g>
        ) : null}
        {item.pct === null ? null : (
          <svg x={at(item.pct)} y="50%" overflow="visible" data-testid="gap-mark" data-status={status}>
            <Shape status={status} />
          </svg>
        )}
      </svg>
    </div>
  );
}

function Figure({ item }: { item: GapChartItem<GapRow> }) {
  const g = item.row.gap;
  const { text } = MARK[g.status];
  return (
    <div className="text-right text-sm tabular-nums sm:col-start-3 sm:row-start-1 sm:text-left">
      <span className={`font-semibold ${g.perceived.enough ? "text-slate-900" : "text-slate-600"}`}>
        {METRIC_NAMES[g.metric]} {signed(g.metric, g.gap)}
      </span>
      <span className="text-xs text-slate-600"> · {nEquals(formatCount(g.perceived.n))}</span>
      <span className={`block text-xs font-medium ${text}`}>{gapStatusLabel(g.status)}</span>
    </div>
  );
}

export function GapChart({ rows, query }: { rows: GapRow[]; query: string }) {
  const [all, setAll] = useState(false);
  const listId = useId();
  const items = gapChartItems(rows);
  const axis = gapAxis(items);
  const limited = items.length > SHOW_ALL_UNDER;
  const shown = limited && !all ? TOP : items.length;
  const friction = items.filter((i) => i.row.gap.status === "friction").length;
  const grid =
    "grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_9.5rem]";

  return (
    <figure
      aria-labelledby={`${listId}-title`}
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:break-inside-auto print:border-0 print:p-0 print:shadow-none"
      data-testid="gap-chart"
    >
      <figcaption className="mb-3">
        <h2 id={`${listId}-title`} className="text-base font-semibold text-slate-900">
          Gaps at a glance
        </h2>
        <p className="max-w-prose text-sm text-slate-600">
          {friction === 1 ? "1 friction point" : `${formatCount(friction)} friction points`} of{" "}
          {formatCount(items.length)} promised figures, friction first, then by the size of the shortfall. Each mark is
          perceived − promised in % of its scale (CSAT 4 points, CES 6, NPS 200), the whisker its 95 % interval.
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid="gap-legend">
          <li className="inline-flex items-center gap-1">
            <LegendShape status="friction" /> Friction point: the whole interval below the promise
          </li>
          <li className="inline-flex items-center gap-1">
            <LegendShape status="delight" /> Moment of delight
          </li>
          <li className="inline-flex items-center gap-1">
            <LegendShape status="as_promised" /> As promised (interval reaches 0)
          </li>
          <li className="inline-flex items-center gap-1">
            <LegendShape status="too_few_responses" /> Too few responses (n &lt; 30): no interval drawn
          </li>
        </ul>
      </figcaption>
      <div className={`grid ${grid} border-b border-slate-300 pb-1 text-xs text-slate-600`} aria-hidden="true">
        <span className="hidden sm:block">Touchpoint · metric</span>
        <div className="relative col-span-2 h-4 sm:col-span-1 sm:col-start-2" data-testid="gap-axis">
          {axis.ticks.map((t) => {
            const x = axisPosition(axis, t);
            return (
              <span
                key={t}
                className={`absolute top-0 whitespace-nowrap tabular-nums ${t === 0 ? "font-semibold text-slate-800" : ""} ${x === 0 ? "" : x === 100 ? "-translate-x-full" : "-translate-x-1/2"}`}
                style={{ left: `${x}%` }}
              >
                {pctText(t)}
              </span>
            );
          })}
        </div>
        <span className="hidden sm:col-start-3 sm:block">Gap · n · verdict</span>
      </div>
      <ol id={listId} className="divide-y divide-slate-100" aria-label="Experience gaps, friction first">
        {items.slice(0, shown).map((item) => (
          <li
            key={item.row.key}
            data-testid="gap-chart-row"
            data-key={item.row.key}
            data-pct={item.pct ?? ""}
            className={`grid ${grid} gap-y-0.5 py-1.5 sm:py-0`}
          >
            <div className="min-w-0 py-0.5 text-sm font-medium break-words sm:py-1.5">
              <TouchpointName row={item.row} query={query} />
            </div>
            <Figure item={item} />
            <Track item={item} axis={axis} />
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-600">
        Axis: gap in % of the metric&apos;s scale; 0 = exactly as promised, left = short of the promise.
      </p>
      {limited ? (
        <button
          type="button"
          aria-controls={listId}
          aria-expanded={all}
          onClick={() => setAll((a) => !a)}
          className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50 print:hidden"
        >
          {all ? `Show the first ${TOP} only` : `Show all ${formatCount(items.length)}`}
        </button>
      ) : null}
    </figure>
  );
}
