import { describe, expect, it } from "vitest";
import { PathCounter } from "@/lib/journeys/paths";
import { LABEL_CHARS, layoutPaths, shortLabels } from "./layout";

describe("shortLabels", () => {
  it("keeps names that fit whole", () => {
    expect(shortLabels(["Phone support call", "IVR menu"], 26)).toEqual(
      new Map([
        ["Phone support call", "Phone support call"],
        ["IVR menu", "IVR menu"],
      ]),
    );
  });

  it("keeps the end that tells two names apart when cutting the end would not", () => {
    const l = shortLabels(["Phone support call", "Phone support call back"], 18);
    expect(l.get("Phone support call")).toBe("Phone support call");
    const back = l.get("Phone support call back")!;
    expect(back.length).toBeLessThanOrEqual(18);
    expect(back).toMatch(/….*call back$/);
    expect(back).not.toBe("Phone support cal…");
  });

  it("cuts the end when no other name starts the same way", () => {
    expect(
      shortLabels(["Customer satisfaction survey by e-mail", "IVR"], 20).get("Customer satisfaction survey by e-mail"),
    ).toBe("Customer satisfacti…");
  });

  it("never gives two different names the same label, and a cut label never equals another name", () => {
    const names = [
      "Order confirmation e-mail (first)",
      "Order confirmation e-mail (second)",
      "Order confirmation e-mail (third)",
      "Order confirmation e-mail",
      "Order confirmation e-mail (first) — resend",
      "Delivery",
      "Delivery notification by text message",
      "Delivery notification by text messages",
    ];
    for (const max of [8, 12, 18, 26]) {
      const l = shortLabels(names, max);
      const labels = names.map((n) => l.get(n)!);
      expect(new Set(labels).size, `max ${max}: ${labels.join(" | ")}`).toBe(names.length);
      for (const n of names) if (l.get(n) !== n) expect(names).not.toContain(l.get(n));
    }
  });
});

describe("layoutPaths", () => {
  const touchpoints = [
    { id: "a", name: "Phone support call" },
    { id: "b", name: "Phone support call back" },
    { id: "c", name: "Technician repair visit" },
  ];
  const counter = new PathCounter(3);
  for (let i = 0; i < 30; i++) counter.add(["a", "b", "c"]);
  for (let i = 0; i < 20; i++) counter.add(["a", "b"]);
  for (let i = 0; i < 25; i++) counter.add(["b"]);
  for (let i = 0; i < 5; i++) counter.add(["b", "a"]);
  const r = counter.result();
  const layout = layoutPaths({ steps: 3, touchpoints, nodes: r.nodes, links: r.links });

  it("labels each node with its step and a name that tells it apart", () => {
    const labels = layout.nodes.map((n) => n.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("1 · Phone support call");
    expect(labels).toContain("2 · Phone support call back");
    for (const n of layout.nodes) expect(n.label.length).toBeLessThanOrEqual(`${n.step + 1} · `.length + LABEL_CHARS);
  });

  it("draws who left as the bottom of the bar, never beside it where the label is", () => {
    for (const n of layout.nodes) {
      if (n.dropped === 0) {
        expect(n.drop).toBeNull();
        continue;
      }
      expect(n.drop!.y + n.drop!.h).toBeCloseTo(n.y + n.h, 9);
      expect(n.drop!.y).toBeGreaterThanOrEqual(n.y);
      expect(n.labelX).toBeGreaterThan(n.x + n.w); // the label starts right of the bar and its drop part
    }
    const b1 = layout.nodes.find((n) => n.key === "0:b")!;
    expect(b1.dropped).toBe(25);
    expect(b1.drop!.h / b1.h).toBeCloseTo(25 / 30, 9);
  });

  it("leaves room for two label lines between the bars of a column", () => {
    for (const s of [0, 1, 2]) {
      const col = layout.nodes.filter((n) => n.step === s).sort((a, b) => a.y - b.y);
      for (let i = 1; i < col.length; i++) expect(col[i].y - col[i - 1].y).toBeGreaterThanOrEqual(28);
    }
    expect(layout.height).toBeGreaterThanOrEqual(Math.max(...layout.nodes.map((n) => n.labelY + 13)));
  });
});
