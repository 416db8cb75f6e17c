// Journey paths, pure: each customer's interactions with the journey's touchpoints become a path (ordered by
// time, ties by interaction id, immediate repeats of a touchpoint collapsed, the first N steps kept); the
// counter adds paths one customer at a time, so the caller can stream customers from the database and keep
// only the aggregate: customers per (step, touchpoint) node, links step k → k+1, drop-outs (paths that end at
// a node), those who went on past the last step shown, and the full paths with their counts. No I/O.

export const DEFAULT_STEPS = 5;
export const MAX_STEPS = 10;

export type PathEvent = { id: string; touchpointId: string; at: number };

/**
 * One customer's path: touchpoint ids by time (ties by id), immediate repeats collapsed, the first maxSteps — and
 * the next one when there is one, so the counter can tell a path that ends at the last step shown from one that
 * went on.
 */
export function customerPath(events: readonly PathEvent[], maxSteps: number = DEFAULT_STEPS): string[] {
  const sorted = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const path: string[] = [];
  for (const e of sorted) {
    if (path.length > 0 && path[path.length - 1] === e.touchpointId) continue;
    if (path.length === maxSteps + 1) break;
    path.push(e.touchpointId);
  }
  return path;
}

export type PathNode = {
  /** 0-based step. */
  step: number;
  touchpointId: string;
  /** Customers whose path has this touchpoint at this step. */
  customers: number;
  /** Of them, those who went on to a step k+1 (the sum of the links out). */
  continued: number;
  /** Of them, those whose path ends here (within the period). */
  dropped: number;
  /** At the last step shown only: of them, those whose path went on past it (customers = continued + dropped + beyond). */
  beyond: number;
};

export type PathLink = { step: number; source: string; target: string; customers: number };
export type TopPath = { touchpointIds: string[]; customers: number; share: number };

export type PathCounts = {
  steps: number;
  /** Customers with at least one interaction in scope (= the sum of the starts). */
  customers: number;
  starts: { touchpointId: string; customers: number }[];
  nodes: PathNode[];
  links: PathLink[];
  paths: TopPath[];
};

const SEP = "\u0000";
const nodeKey = (step: number, tp: string) => `${step}${SEP}${tp}`;

const byCountThenKey =
  <T extends { customers: number }>(key: (x: T) => string) =>
  (a: T, b: T) =>
    b.customers - a.customers || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Adds customers' paths one at a time; memory grows with the distinct paths, never with the customers. */
export class PathCounter {
  private customers = 0;
  private readonly nodes = new Map<string, PathNode>();
  private readonly links = new Map<string, PathLink>();
  private readonly paths = new Map<string, number>();

  constructor(readonly steps: number = DEFAULT_STEPS) {}

  /** A path as customerPath gives it: a step past the last one counted means the path went on. */
  add(path: readonly string[]): void {
    if (path.length === 0) return;
    const p = path.slice(0, this.steps);
    const goesOn = path.length > this.steps;
    this.customers++;
    p.forEach((tp, step) => {
      const key = nodeKey(step, tp);
      let node = this.nodes.get(key);
      if (!node)
        this.nodes.set(key, (node = { step, touchpointId: tp, customers: 0, continued: 0, dropped: 0, beyond: 0 }));
      node.customers++;
      if (step === p.length - 1) {
        if (goesOn) node.beyond++;
        else node.dropped++;
        return;
      }
      node.continued++;
      const target = p[step + 1];
      const lk = `${key}${SEP}${target}`;
      let link = this.links.get(lk);
      if (!link) this.links.set(lk, (link = { step, source: tp, target, customers: 0 }));
      link.customers++;
    });
    const pk = p.join(SEP);
    this.paths.set(pk, (this.paths.get(pk) ?? 0) + 1);
  }

  /** The counts so far; nodes and links by step then customers (desc), paths by customers (desc), at most topPaths. */
  result(topPaths = 20): PathCounts {
    const nodes = [...this.nodes.values()]
      .map((n) => ({ ...n }))
      .sort((a, b) => a.step - b.step || byCountThenKey<PathNode>((n) => n.touchpointId)(a, b));
    const links = [...this.links.values()]
      .map((l) => ({ ...l }))
      .sort((a, b) => a.step - b.step || byCountThenKey<PathLink>((l) => l.source + SEP + l.target)(a, b));
    const paths = [...this.paths.entries()]
      .map(([k, customers]) => ({ k, customers }))
      .sort(byCountThenKey((x) => x.k))
      .slice(0, topPaths)
      .map(({ k, customers }) => ({ touchpointIds: k.split(SEP), customers, share: customers / this.customers }));
    const starts = nodes
      .filter((n) => n.step === 0)
      .map((n) => ({ touchpointId: n.touchpointId, customers: n.customers }));
    return { steps: this.steps, customers: this.customers, starts, nodes, links, paths };
  }
}

export type OtherLinks = { step: number; customers: number; links: number };

/**
 * Keeps the links that carry at least minShare of the customers (at least 1 customer); the rest are summed per
 * step into "other", so a chart stays readable and the answer small. Node figures stay exact.
 */
export function capLinks(
  links: readonly PathLink[],
  customers: number,
  minShare = 0.01,
): { links: PathLink[]; other: OtherLinks[] } {
  const min = Math.max(1, customers * minShare);
  const kept: PathLink[] = [];
  const other = new Map<number, OtherLinks>();
  for (const l of links) {
    if (l.customers >= min) kept.push(l);
    else {
      const o = other.get(l.step) ?? { step: l.step, customers: 0, links: 0 };
      o.customers += l.customers;
      o.links++;
      other.set(l.step, o);
    }
  }
  return { links: kept, other: [...other.values()].sort((a, b) => a.step - b.step) };
}
