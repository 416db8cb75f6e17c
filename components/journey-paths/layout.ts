// Sankey layout of the paths for the chart: columns per step, bars scaled so the fullest column fits,
// bands stacked on each bar in the order of the bars they join (so bands do not cross needlessly), and the
// drop-outs as the hatched bottom part of each bar (inside the bar, so they never run over a label). Labels
// start with the step ("2 · Phone support call") and shorten only where they must, keeping the part that tells
// two touchpoints apart (shortLabels). Pure.
import type { PathLink, PathNode } from "@/lib/journeys/paths";

export type ChartInput = {
  steps: number;
  touchpoints: { id: string; name: string }[];
  nodes: PathNode[];
  links: PathLink[];
};

const PALETTE = ["#1f7f72", "#3b6fd4", "#c2660c", "#8a4bc4", "#c23a5b", "#4d7c0f", "#0e7490", "#a16207"];

/** A colour per touchpoint, in the order the journey lists them (the same in the chart and the phone list). */
export function touchpointColours(touchpoints: readonly { id: string }[]): Map<string, string> {
  return new Map(touchpoints.map((t, i) => [t.id, PALETTE[i % PALETTE.length]]));
}

/** The "left" hatch of the steps list on a phone (paths-steps.tsx), also used in the chart's legend. */
export const LEFT_HATCH =
  "bg-[repeating-linear-gradient(45deg,#f8fafc_0,#f8fafc_2px,#64748b_2px,#64748b_3.5px)] print:[print-color-adjust:exact]";

const COL = 180;
const NODE_W = 14;
const TOP = 26;
const PLOT_H = 480;
const PAD = 8;
/** Two label lines: "2 · name" and "303 customers · 120 left". */
const LABEL_H = 28;
/** Characters of a name that fit in a column (11 px type, beside the bar). */
export const LABEL_CHARS = 24;

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * A short label per name, at most max characters, that no two different names share and that never reads as
 * another name: a name that fits stays whole; a longer one is cut at the end ("Customer satisfaction surv…")
 * unless another name starts with what would remain ("Phone support cal…" beside "Phone support call"), then its
 * middle goes and the end that differs stays ("Phone su…call back"). If that still collides, the full name.
 */
export function shortLabels(names: readonly string[], max = LABEL_CHARS): Map<string, string> {
  const unique = [...new Set(names)];
  const out = new Map<string, string>();
  for (const name of unique) {
    if (name.length <= max) {
      out.set(name, name);
      continue;
    }
    const head = name.slice(0, max - 1);
    const others = unique.filter((o) => o !== name);
    if (!others.some((o) => o.startsWith(head))) {
      out.set(name, `${head.trimEnd()}…`);
      continue;
    }
    const lcp = Math.max(...others.map((o) => commonPrefix(name, o)));
    const tail = Math.min(max - 4, Math.max(name.length - lcp, Math.ceil(max / 2)));
    out.set(name, `${name.slice(0, max - 1 - tail).trimEnd()}…${name.slice(name.length - tail).trimStart()}`);
  }
  const seen = new Map<string, number>();
  for (const l of out.values()) seen.set(l, (seen.get(l) ?? 0) + 1);
  for (const [name, l] of out) {
    const clash = seen.get(l)! > 1 || (l !== name && unique.some((o) => o !== name && o === l));
    if (clash) out.set(name, name);
  }
  return out;
}

function band(x0: number, y0: number, y0b: number, x1: number, y1: number, y1b: number): string {
  const xm = (x0 + x1) / 2;
  return `M${x0},${y0} C${xm},${y0} ${xm},${y1} ${x1},${y1} L${x1},${y1b} C${xm},${y1b} ${xm},${y0b} ${x0},${y0b} Z`;
}

/** `unknown` names a touchpoint the journey no longer lists (in the page's language). */
export function layoutPaths(input: ChartInput, unknown = "Unknown touchpoint") {
  const name = new Map(input.touchpoints.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => name.get(id) ?? unknown;
  const short = shortLabels([...input.touchpoints.map((t) => t.name), unknown]);
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
    /** The hatched "left" part at the bottom of the bar (null when nobody left here). */
    drop: { y: number; h: number } | null;
    labelX: number;
    labelY: number;
  };
  const placed = new Map<string, Placed>();
  const nodes: Placed[] = [];
  byStep.forEach((ns, s) => {
    let y = TOP;
    for (const n of ns) {
      const h = Math.max(2, n.customers * k);
      const dropH = n.dropped === 0 ? 0 : Math.min(h, Math.max(1, n.dropped * k));
      const p = {
        ...n,
        key: `${s}:${n.touchpointId}`,
        x: 8 + s * COL,
        y,
        w: NODE_W,
        h,
        name: nameOf(n.touchpointId),
        label: `${s + 1} · ${short.get(nameOf(n.touchpointId))}`,
        outY: y,
        inY: y,
        drop: dropH === 0 ? null : { y: y + h - dropH, h: dropH },
        labelX: 8 + s * COL + NODE_W + 4,
        labelY: y + 9,
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

  const height = Math.max(TOP + 40, ...nodes.map((n) => n.y + Math.max(n.h, LABEL_H) + 14));
  const width = cols === 0 ? 200 : 8 + (cols - 1) * COL + NODE_W + COL - 4;
  return { width, height, columns: byStep.map((_, s) => ({ step: s, x: 8 + s * COL })), nodes, links };
}
