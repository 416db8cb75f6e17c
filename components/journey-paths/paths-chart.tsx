"use client";
// A Sankey of step columns drawn in plain SVG: one column per step, a bar per touchpoint sized by its
// customers, bands for the customers who went on (step k → k+1) and a grey "left" band for those whose path
// ends there. Every node is a focusable button-like element; hovering or focusing a node or band shows its
// counts in the line above the chart. The layout is computed here from the server's aggregates only.
import { useState } from "react";
import { layoutPaths, type ChartInput } from "./layout";

const PALETTE = ["#1f7f72", "#3b6fd4", "#c2660c", "#8a4bc4", "#c23a5b", "#4d7c0f", "#0e7490", "#a16207"];

export function PathsChart({ data }: { data: ChartInput }) {
  const [active, setActive] = useState<string | null>(null);
  const layout = layoutPaths(data);
  const colour = new Map(data.touchpoints.map((t, i) => [t.id, PALETTE[i % PALETTE.length]]));
  const show = (text: string) => ({
    onMouseEnter: () => setActive(text),
    onFocus: () => setActive(text),
    onMouseLeave: () => setActive(null),
    onBlur: () => setActive(null),
  });
  const hint = "Hover or focus (Tab) a touchpoint or a band for its counts.";

  return (
    <figure className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">Paths by step</figcaption>
      <p className="mb-2 min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="paths-detail">
        {active ?? hint}
      </p>
      <div role="region" aria-label="Paths chart (scrolls sideways)" tabIndex={0} className="overflow-x-auto">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="block"
          aria-label={`Customer paths over ${data.steps} steps`}
        >
          {layout.columns.map((c) => (
            <text key={c.step} x={c.x} y={14} className="fill-slate-500 text-[11px] font-semibold uppercase">
              Step {c.step + 1}
            </text>
          ))}
          {layout.links.map((l) => {
            const text = `Step ${l.step + 1} → ${l.step + 2}: ${l.sourceName} → ${l.targetName}, ${l.customers} customers`;
            return (
              <path
                key={l.key}
                d={l.d}
                fill={colour.get(l.source)}
                fillOpacity={active === text ? 0.55 : 0.28}
                tabIndex={0}
                aria-label={text}
                {...show(text)}
              >
                <title>{text}</title>
              </path>
            );
          })}
          {layout.drops.map((d) => {
            const text = `Step ${d.step + 1}: ${d.name}, ${d.customers} left here`;
            return (
              <g key={d.key} tabIndex={0} aria-label={text} {...show(text)}>
                <path d={d.d} fill="#94a3b8" fillOpacity={active === text ? 0.6 : 0.35}>
                  <title>{text}</title>
                </path>
                {d.labelled ? (
                  <text x={d.labelX} y={d.labelY} className="fill-slate-500 text-[10px]" dominantBaseline="middle">
                    {d.customers} left
                  </text>
                ) : null}
              </g>
            );
          })}
          {layout.nodes.map((n) => {
            const text = `Step ${n.step + 1}: ${n.name}, ${n.customers} customers, ${n.continued} continued, ${n.dropped} left`;
            return (
              <g
                key={n.key}
                tabIndex={0}
                aria-label={text}
                {...show(text)}
                className="outline-none [&:focus>rect]:stroke-slate-900 [&:focus>rect]:stroke-2"
              >
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={2} fill={colour.get(n.touchpointId)}>
                  <title>{text}</title>
                </rect>
                <text
                  x={n.x + n.w + 4}
                  y={n.y + Math.min(n.h / 2, 9) + 1}
                  dominantBaseline="middle"
                  className="fill-slate-900 text-[11px] font-medium"
                  stroke="white"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {n.label} · {n.customers}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
