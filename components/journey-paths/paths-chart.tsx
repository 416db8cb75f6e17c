"use client";
// A Sankey of step columns drawn in plain SVG: one column per step, a bar per touchpoint sized by its
// customers, bands for the customers who went on (step k → k+1); those whose path ends there are the hatched
// bottom of the bar, and the label says how many ("303 customers · 120 left"), so nothing runs over the
// labels, which are drawn last. Every node is a focusable button-like element; hovering or focusing a node or band shows its
// counts (and the full name) in the line above the chart. Below 640 px the chart gives way to PathsSteps, a
// list per step whose names wrap instead of being cut. The layout is computed from the server's aggregates only.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";
import { LEFT_HATCH, layoutPaths, touchpointColours, type ChartInput } from "./layout";

export function PathsChart({ data }: { data: ChartInput }) {
  const t = useTranslations("journeys.paths.chart");
  const f = useFormats();
  const [active, setActive] = useState<string | null>(null);
  const hatch = `${useId()}-left`;
  const layout = layoutPaths(data, t("unknown"));
  const colour = touchpointColours(data.touchpoints);
  const show = (text: string) => ({
    onMouseEnter: () => setActive(text),
    onFocus: () => setActive(text),
    onMouseLeave: () => setActive(null),
    onBlur: () => setActive(null),
  });
  const hint = t("hint");

  return (
    <figure className="mb-6 hidden rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:block">
      <figcaption className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold text-slate-800">{t("heading")}</span>
        <span className="inline-flex items-center gap-1.5 text-xs text-slate-700">
          <span
            aria-hidden="true"
            className={`inline-block h-3 w-3.5 rounded-sm border border-slate-500 ${LEFT_HATCH}`}
          />
          {t("legend")}
        </span>
      </figcaption>
      <p className="mb-2 min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="paths-detail">
        {active ?? hint}
      </p>
      <div role="region" aria-label={t("region")} tabIndex={0} className="overflow-x-auto">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="block"
          aria-label={t("label", { steps: data.steps })}
        >
          <defs>
            <pattern id={hatch} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={5} height={5} fill="#f8fafc" />
              <line x1={0} y1={0} x2={0} y2={5} stroke="#64748b" strokeWidth={1.5} />
            </pattern>
          </defs>
          {layout.columns.map((c) => (
            <text key={c.step} x={c.x} y={14} className="fill-slate-500 text-[11px] font-semibold uppercase">
              {t("step", { step: c.step + 1 })}
            </text>
          ))}
          {layout.links.map((l) => {
            const text = t("band", {
              from: l.step + 1,
              to: l.step + 2,
              source: l.sourceName,
              target: l.targetName,
              customers: l.customers,
            });
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
          {layout.nodes.map((n) => {
            const text = t("node", {
              step: n.step + 1,
              name: n.name,
              customers: n.customers,
              continued: n.continued,
              dropped: n.dropped,
            });
            return (
              <g
                key={n.key}
                tabIndex={0}
                aria-label={text}
                {...show(text)}
                data-testid="path-node"
                className="outline-none [&:focus>rect]:stroke-slate-900 [&:focus>rect]:stroke-2"
              >
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={2} fill={colour.get(n.touchpointId)}>
                  <title>{text}</title>
                </rect>
                {n.drop ? (
                  <rect
                    x={n.x}
                    y={n.drop.y}
                    width={n.w}
                    height={n.drop.h}
                    fill={`url(#${hatch})`}
                    stroke="#64748b"
                    strokeWidth={0.5}
                    data-testid="path-drop"
                  />
                ) : null}
              </g>
            );
          })}
          {layout.nodes.map((n) => (
            <text
              key={n.key}
              x={n.labelX}
              y={n.labelY}
              dominantBaseline="middle"
              className="pointer-events-none fill-slate-900 text-[11px] font-medium"
              stroke="white"
              strokeWidth={3}
              paintOrder="stroke"
              data-testid="path-label"
              data-node={n.key}
              aria-hidden="true"
            >
              <tspan>{n.label}</tspan>
              <tspan x={n.labelX} dy={13} className="fill-slate-600 text-[10px] font-normal">
                {n.dropped > 0
                  ? t("countsLeft", { customers: n.customers, dropped: f.count(n.dropped) })
                  : t("counts", { customers: n.customers })}
              </tspan>
            </text>
          ))}
        </svg>
      </div>
    </figure>
  );
}
