// Sankey layout of the paths for the chart: columns per step, bars scaled so the fullest column fits,
// bands stacked on each bar in the order of the bars they join (so bands do not cross needlessly), and the
// drop-outs at the bottom of each bar. Pure.
import type { PathLink, PathNode } from "@/lib/journeys/paths";

export type ChartInput = {
  steps: number;
  touchpoints: { id: string; name: string }[];
  nodes: PathNode[];
  links: PathLink[];
};

const COL = 180;
const NODE_W = 12;
const TOP = 26;
const PLOT_H = 480;
const PAD = 8;
const DROP_W = 34;
const LABEL_H = 14;

const shorten = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function band(x0: number, y0: number, y0b: number, x1: number, y1: number, y1b: number): string {
  const xm = (x0 + x1) / 2;
  return `M${x0},${y0} C${xm},${y0} ${xm},${y1} ${x1},${y1} L${x1},${y1b} C${xm},${y1b} ${xm},${y0b} ${x0},${y0b} Z`;
}

export function layoutPaths(input: ChartInput) {
  const name = new Map(input.touchpoints.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => name.get(id) ?? "Unknown touchpoint";
  const cols = input.nodes.length === 0 ? 0 : Math.max(...input.nodes.map((n) => n.step)) + 1;
  const byStep = Array.from({ length: cols }, (_, s) => input.nodes.filter((n) => n.step === s));
  const k = Math.min(
    ...byStep.map(
      (ns) =>
        (PLOT_H - PAD * (ns.length - 1)) /
        Math.max(
          1,
          ns.reduce((a, n) => a + n.customers, 0),
        ),
    ),
  );

  type Placed = PathNode & {
    key: string;
    x: number;
    y: number;
    w: number;
    h: number;
    name: string;
    label: string;
    outY: number;
    inY: number;
  };
  const placed = new Map<string, Placed>();
  const nodes: Placed[] = [];
  byStep.forEach((ns, s) => {
    let y = TOP;
    for (const n of ns) {
      const h = Math.max(2, n.customers * k);
      const p = {
        ...n,
        key: `${s}:${n.touchpointId}`,
        x: 8 + s * COL,
        y,
        w: NODE_W,
        h,
        name: nameOf(n.touchpointId),
        label: shorten(nameOf(n.touchpointId)),
        outY: y,
        inY: y,
      };
      placed.set(p.key, p);
      nodes.push(p);
      y += Math.max(h, LABEL_H) + PAD; // room for the label of a small bar
    }
  });

  const rank = (key: string) => placed.get(key)?.y ?? 0;
  const sorted = [...input.links].sort(
    (a, b) =>
      rank(`${a.step}:${a.source}`) - rank(`${b.step}:${b.source}`) ||
      rank(`${a.step + 1}:${a.target}`) - rank(`${b.step + 1}:${b.target}`),
  );
  const links = sorted.flatMap((l) => {
    const src = placed.get(`${l.step}:${l.source}`);
    const tgt = placed.get(`${l.step + 1}:${l.target}`);
    if (!src || !tgt) return [];
    const t = l.customers * k;
    const d = band(src.x + src.w, src.outY, src.outY + t, tgt.x, tgt.inY, tgt.inY + t);
    src.outY += t;
    tgt.inY += t;
    return [
      { ...l, key: `${l.step}:${l.source}>${l.target}`, d, sourceName: nameOf(l.source), targetName: nameOf(l.target) },
    ];
  });

  const drops = nodes
    .filter((n) => n.dropped > 0)
    .map((n) => {
      const t = n.dropped * k;
      const yb = n.y + Math.max(n.h, t);
      const yt = yb - t;
      const x0 = n.x + n.w;
      const d = `M${x0},${yt} C${x0 + DROP_W / 2},${yt} ${x0 + DROP_W / 2},${yt + 6} ${x0 + DROP_W},${yt + 6} L${x0 + DROP_W},${yb + 6} C${x0 + DROP_W / 2},${yb + 6} ${x0 + DROP_W / 2},${yb} ${x0},${yb} Z`;
      return {
        key: `drop-${n.key}`,
        step: n.step,
        name: n.name,
        customers: n.dropped,
        d,
        labelX: x0 + DROP_W + 3,
        labelY: yb - t / 2 + 6,
        labelled: t >= 12 && n.h >= 30,
      };
    });

  const height = Math.max(TOP + 40, ...nodes.map((n) => n.y + n.h + 14));
  const width = cols === 0 ? 200 : 8 + (cols - 1) * COL + NODE_W + 150;
  return { width, height, columns: byStep.map((_, s) => ({ step: s, x: 8 + s * COL })), nodes, links, drops };
}
