import { describe, expect, it } from "vitest";
import { layout, pdfModules, qrModules, sheetPdf, sheetSvg, svgModules, type QrSheet } from "./qr-sheet";

const sheet: QrSheet = {
  orgName: "Café Zürich & Co",
  touchpointName: "Checkout <desk 2>",
  where: "Store visit · Pay",
  url: "http://127.0.0.1:3000/s/pub-abc123?tp=cltp0000000001&ch=qr",
};

describe("the QR sheet", () => {
  it("the SVG draws exactly the QR matrix of the link, and escapes the names", () => {
    const svg = sheetSvg(sheet);
    const modules = qrModules(sheet.url);
    expect(modules.length).toBeGreaterThanOrEqual(29); // version 3 or more for a link of this length
    expect(svgModules(svg)).toEqual(modules);
    expect(svg).toContain("Checkout &lt;desk 2&gt;");
    expect(svg).toContain("Café Zürich &amp; Co");
    expect(svg).not.toContain("<desk");
  });

  it("the PDF is a well-formed one-page file whose rectangles are the same matrix", () => {
    const pdf = sheetPdf(sheet);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    // every xref offset points at its object
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe("xref");
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // the content stream's declared length is its length
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const start = text.indexOf("stream\n") + "stream\n".length;
    expect(text.slice(start + length, start + length + "\nendstream".length)).toBe("\nendstream");
    expect(pdfModules(pdf)).toEqual(qrModules(sheet.url));
    // text in WinAnsiEncoding: é and ü as octal bytes, parentheses escaped, other scripts as ?
    expect(text).toContain("(Caf\\351 Z\\374rich & Co) Tj");
    expect(sheetPdf({ ...sheet, touchpointName: "Kasse (2) 東京" }).toString("latin1")).toContain(
      "(Kasse \\(2\\) ??) Tj",
    );
  });

  it("cuts a name too long for the line", () => {
    const long = layout({ ...sheet, touchpointName: "A very long touchpoint name ".repeat(5) });
    const name = long.find((i) => i.kind === "text" && i.pt === 18);
    expect(name?.kind === "text" && name.text.endsWith("…")).toBe(true);
    expect(name?.kind === "text" && name.text.length).toBeLessThanOrEqual(43);
  });
});
