import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { capLinks, customerPath, PathCounter, type PathCounts } from "./paths";

const ev = (id: string, touchpointId: string, at: number) => ({ id, touchpointId, at });

describe("customerPath", () => {
  it("orders by time, ties by interaction id, collapses immediate repeats, keeps the first N steps and the next", () => {
    const events = [
      ev("e", "C", 50),
      ev("b", "B", 10),
      ev("a", "A", 10),
      ev("c", "B", 20),
      ev("d", "A", 30),
      ev("f", "D", 60),
      ev("g", "E", 70),
    ];
    // by time: A(10,a) B(10,b) B(20) A(30) C(50) D(60) E(70) → A B A C D E → the first 5, and the 6th: it went on
    expect(customerPath(events, 5)).toEqual(["A", "B", "A", "C", "D", "E"]);
    expect(customerPath(events, 6)).toEqual(["A", "B", "A", "C", "D", "E"]);
    expect(customerPath(events, 2)).toEqual(["A", "B", "A"]);
    expect(customerPath([], 5)).toEqual([]);
    expect(customerPath([ev("x", "A", 1), ev("y", "A", 2), ev("z", "A", 3)], 5)).toEqual(["A"]);
  });
});

describe("PathCounter: worked example", () => {
  // 4 customers: A→B→C, A→B, A→C, B
  const counter = new PathCounter(5);
  for (const p of [["A", "B", "C"], ["A", "B"], ["A", "C"], ["B"]]) counter.add(p);
  const r = counter.result();

  it("counts starts, nodes with continued and dropped, links per step and the top paths", () => {
    expect(r.customers).toBe(4);
    expect(r.starts).toEqual([
      { touchpointId: "A", customers: 3 },
      { touchpointId: "B", customers: 1 },
    ]);
    expect(r.nodes).toEqual([
      { step: 0, touchpointId: "A", customers: 3, continued: 3, dropped: 0, beyond: 0 },
      { step: 0, touchpointId: "B", customers: 1, continued: 0, dropped: 1, beyond: 0 },
      { step: 1, touchpointId: "B", customers: 2, continued: 1, dropped: 1, beyond: 0 },
      { step: 1, touchpointId: "C", customers: 1, continued: 0, dropped: 1, beyond: 0 },
      { step: 2, touchpointId: "C", customers: 1, continued: 0, dropped: 1, beyond: 0 },
    ]);
    expect(r.links).toEqual([
      { step: 0, source: "A", target: "B", customers: 2 },
      { step: 0, source: "A", target: "C", customers: 1 },
      { step: 1, source: "B", target: "C", customers: 1 },
    ]);
    expect(r.paths).toEqual([
      { touchpointIds: ["A", "B"], customers: 1, share: 0.25 },
      { touchpointIds: ["A", "B", "C"], customers: 1, share: 0.25 },
      { touchpointIds: ["A", "C"], customers: 1, share: 0.25 },
      { touchpointIds: ["B"], customers: 1, share: 0.25 },
    ]);
  });

  it("an empty path is no customer; a path past the last step went on rather than left; the top-paths limit applies", () => {
    const c = new PathCounter(3);
    c.add([]);
    c.add(["A", "B", "C", "D"]); // cut to 3 steps: at C it went on (to D), it did not leave
    c.add(["A", "B", "C"]); // left at C
    const res = c.result(1);
    expect(res.customers).toBe(2);
    expect(res.paths).toEqual([{ touchpointIds: ["A", "B", "C"], customers: 2, share: 1 }]);
    expect(res.nodes.find((n) => n.step === 2)).toEqual({
      step: 2,
      touchpointId: "C",
      customers: 2,
      continued: 0,
      dropped: 1,
      beyond: 1,
    });
  });
});

describe("capLinks", () => {
  it("keeps links with at least 1 % of the customers and sums the rest per step", () => {
    const links = [
      { step: 0, source: "A", target: "B", customers: 150 },
      { step: 0, source: "A", target: "C", customers: 9 },
      { step: 0, source: "B", target: "C", customers: 5 },
      { step: 1, source: "B", target: "C", customers: 10 },
      { step: 2, source: "C", target: "D", customers: 1 },
    ];
    expect(capLinks(links, 1000)).toEqual({
      links: [links[0], links[3]],
      other: [
        { step: 0, customers: 14, links: 2 },
        { step: 2, customers: 1, links: 1 },
      ],
    });
    expect(capLinks(links, 10).links).toHaveLength(5); // the minimum is one customer
  });
});

const pathArb = fc.array(fc.constantFrom("A", "B", "C", "D"), { minLength: 0, maxLength: 8 });
// interaction ids are unique (ties in time are broken by id)
const eventsArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ maxLength: 3 }),
    touchpointId: fc.constantFrom("A", "B", "C"),
    at: fc.integer({ min: 0, max: 20 }),
  }),
  { maxLength: 12, selector: (e) => e.id },
);

function countAll(paths: string[][], steps: number): PathCounts {
  const c = new PathCounter(steps);
  for (const p of paths) c.add(p);
  return c.result(Number.MAX_SAFE_INTEGER);
}

describe("PathCounter: properties", () => {
  it("flows into a node (starts at step 0, links in after) = flows out + drop-outs; the starts sum to the customers", () => {
    fc.assert(
      fc.property(fc.array(pathArb, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (paths, steps) => {
        const r = countAll(paths, steps);
        expect(r.customers).toBe(paths.filter((p) => p.length > 0).length);
        expect(r.starts.reduce((s, x) => s + x.customers, 0)).toBe(r.customers);
        for (const n of r.nodes) {
          const into =
            n.step === 0
              ? r.starts.find((s) => s.touchpointId === n.touchpointId)!.customers
              : r.links
                  .filter((l) => l.step === n.step - 1 && l.target === n.touchpointId)
                  .reduce((s, l) => s + l.customers, 0);
          const out = r.links
            .filter((l) => l.step === n.step && l.source === n.touchpointId)
            .reduce((s, l) => s + l.customers, 0);
          expect(into).toBe(n.customers);
          expect(out).toBe(n.continued);
          expect(into).toBe(out + n.dropped + n.beyond);
          if (n.beyond > 0) expect(n.step).toBe(steps - 1); // only the last step shown can be gone past
        }
        // every path ends exactly once: it leaves at a step, or goes on past the last one shown
        expect(r.nodes.reduce((s, n) => s + n.dropped + n.beyond, 0)).toBe(r.customers);
        expect(r.nodes.reduce((s, n) => s + n.beyond, 0)).toBe(paths.filter((p) => p.length > steps).length);
        expect(r.paths.reduce((s, p) => s + p.customers, 0)).toBe(r.customers);
        expect(Math.max(0, ...r.nodes.map((n) => n.step))).toBeLessThan(steps);
      }),
    );
  });

  it("counts do not depend on the order customers are processed in", () => {
    fc.assert(
      fc.property(
        fc
          .array(pathArb, { maxLength: 30 })
          .chain((ps) =>
            fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })),
          ),
        ([paths, shuffled]) => {
          expect(countAll(shuffled, 4)).toEqual(countAll(paths, 4));
        },
      ),
    );
  });

  it("a path has no immediate repeat, at most N + 1 steps, and does not depend on the order the events arrive in", () => {
    fc.assert(
      fc.property(eventsArb, fc.integer({ min: 1, max: 6 }), (events, steps) => {
        const p = customerPath(events, steps);
        expect(p.length).toBeLessThanOrEqual(steps + 1);
        for (let i = 1; i < p.length; i++) expect(p[i]).not.toBe(p[i - 1]);
        expect(customerPath([...events].reverse(), steps)).toEqual(p);
        expect(p.length === 0).toBe(events.length === 0);
      }),
    );
  });

  it("capLinks loses no customer: kept + other = all links", () => {
    fc.assert(
      fc.property(fc.array(pathArb, { maxLength: 60 }), (paths) => {
        const r = countAll(paths, 5);
        const { links, other } = capLinks(r.links, r.customers, 0.05);
        const sum = (xs: { customers: number }[]) => xs.reduce((s, x) => s + x.customers, 0);
        expect(sum(links) + sum(other)).toBe(sum(r.links));
      }),
    );
  });
});
