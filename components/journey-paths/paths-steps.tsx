// The paths chart on a phone (below 640 px, where the Sankey's columns would be cut): per step, each
// touchpoint with its full name (wrapping, never cut), its customers, how many continued and how many left,
// and a bar to compare them — solid for those who continued, hatched for those who left. The busiest
// touchpoints of a step show first; the rest open on demand.
import { useTranslations } from "next-intl";
import type { PathNode } from "@/lib/journeys/paths";
import { useFormats } from "@/components/i18n/use-formats";
import { LEFT_HATCH, touchpointColours } from "./layout";

const FIRST = 5;

function StepRow({ node, name, colour, max }: { node: PathNode; name: string; colour: string; max: number }) {
  const width = (x: number) => `${(100 * x) / max}%`;
  const t = useTranslations("journeys.paths.steps");
  const f = useFormats();
  return (
    <li className="py-2" data-testid="path-step-row">
      <p className="text-sm font-medium break-words text-slate-900" data-testid="path-step-name">
        <span className="text-slate-500 tabular-nums">{node.step + 1} · </span>
        {name}
      </p>
      <p className="text-xs text-slate-600 tabular-nums">
        {t("row", {
          customers: node.customers,
          beyond: node.beyond,
          beyondText: f.count(node.beyond),
          continued: f.count(node.continued),
          dropped: f.count(node.dropped),
        })}
      </p>
      <div className="mt-1 flex h-2.5 overflow-hidden rounded-sm bg-slate-100" aria-hidden="true">
        <span className="block h-full" style={{ width: width(node.continued + node.beyond), background: colour }} />
        {node.dropped > 0 ? (
          <span className={`block h-full ${LEFT_HATCH}`} style={{ width: width(node.dropped) }} />
        ) : null}
      </div>
    </li>
  );
}

export function PathsSteps({
  steps,
  touchpoints,
  nodes,
}: {
  steps: number;
  touchpoints: { id: string; name: string }[];
  nodes: PathNode[];
}) {
  const t = useTranslations("journeys.paths.steps");
  const name = new Map(touchpoints.map((tp) => [tp.id, tp.name]));
  const colour = touchpointColours(touchpoints);
  const max = Math.max(1, ...nodes.map((n) => n.customers));
  const byStep = Array.from({ length: steps }, (_, s) => nodes.filter((n) => n.step === s)).filter((ns) => ns.length);
  const row = (n: PathNode) => (
    <StepRow
      key={`${n.step}:${n.touchpointId}`}
      node={n}
      name={name.get(n.touchpointId) ?? t("unknown")}
      colour={colour.get(n.touchpointId) ?? "#64748b"}
      max={max}
    />
  );
  return (
    <section
      aria-label={t("heading")}
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:hidden"
      data-testid="paths-steps"
    >
      <h2 className="text-sm font-semibold text-slate-800">{t("heading")}</h2>
      <p className="mb-2 flex items-center gap-1.5 text-xs text-slate-700">
        <span
          aria-hidden="true"
          className={`inline-block h-3 w-3.5 shrink-0 rounded-sm border border-slate-500 ${LEFT_HATCH}`}
        />
        {t("legend")}
      </p>
      {byStep.map((ns) => (
        <div key={ns[0].step} className="mt-3 first-of-type:mt-0">
          <h3 className="border-b border-slate-200 pb-1 text-xs font-semibold text-slate-500 uppercase">
            {t("step", { step: ns[0].step + 1 })}
          </h3>
          <ol className="divide-y divide-slate-100">{ns.slice(0, FIRST).map(row)}</ol>
          {ns.length > FIRST ? (
            <details>
              <summary className="cursor-pointer py-1 text-sm font-medium text-brand-700">
                {t("more", { count: ns.length - FIRST, step: ns[0].step + 1 })}
              </summary>
              <ol className="divide-y divide-slate-100">{ns.slice(FIRST).map(row)}</ol>
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}
