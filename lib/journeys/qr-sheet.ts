// The printable QR sheet of a touchpoint (docs/distribution.md, "QR codes"): one A4 page — the organization, "How
// did we do?", the touchpoint, the QR code of the hosted survey link, how to answer, the link in small type — laid
// out once (`layout`) and written as SVG or as PDF from that one layout, so both print the same.
//
// The QR matrix comes from the `qrcode` package (error correction M: a sticker may lose some 15 % to wear and still
// scan), with the standard quiet zone of 4 modules. Dark modules are written as runs, one rectangle per run of a
// row, in both formats; `svgModules` and `pdfModules` read them back, so a test compares what is printed with the
// matrix itself.
//
// The PDF is written here rather than with a PDF library: one page of rectangles and a few lines of text in the
// standard font Helvetica (nothing embedded), some 100 lines, against a dependency with its own font machinery.
// The limit that follows: text is encoded in Windows-1252 (WinAnsiEncoding), so letters outside Western
// European alphabets print as "?" in the PDF — the SVG, in the viewer's fonts, shows every script.
import QRCode from "qrcode";

export type QrSheet = {
  orgName: string;
  touchpointName: string;
  /** Where the touchpoint is: "<journey> · <stage>". */
  where: string;
  url: string;
};

const PAGE = { w: 210, h: 297 }; // A4, mm
const MARGIN = 25;
const QUIET = 4;
const MM_PER_PT = 25.4 / 72;

type Text = { kind: "text"; x: number; y: number; pt: number; bold: boolean; grey: boolean; text: string };
type Code = { kind: "qr"; x: number; y: number; size: number; modules: boolean[][] };
type Item = Text | Code;

/** The QR matrix of `text` (rows of dark = true), without the quiet zone. */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => modules.get(y, x) === 1));
}

/** Cuts a line to what fits the text width at this size (Helvetica averages under 0.6 em a character). */
function fit(text: string, pt: number): string {
  const max = Math.floor((PAGE.w - 2 * MARGIN) / (pt * MM_PER_PT * 0.6));
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

export function layout(s: QrSheet): Item[] {
  const text = (y: number, pt: number, value: string, opts: { bold?: boolean; grey?: boolean } = {}): Text => ({
    kind: "text",
    x: MARGIN,
    y,
    pt,
    bold: opts.bold ?? false,
    grey: opts.grey ?? false,
    text: fit(value, pt),
  });
  const modules = qrModules(s.url);
  const size = 110;
  // The quiet zone is white: the code's visible edge lines up with the text, and the text follows its visible end.
  const quiet = (QUIET * size) / (modules.length + 2 * QUIET);
  const top = 74;
  const end = top + size - 2 * quiet;
  return [
    text(32, 14, s.orgName, { grey: true }),
    text(52, 30, "How did we do?", { bold: true }),
    text(66, 18, s.touchpointName),
    { kind: "qr", x: MARGIN - quiet, y: top - quiet, size, modules },
    text(end + 16, 14, "Scan the code with your phone's camera."),
    text(end + 24, 14, "It takes less than a minute."),
    text(end + 36, 9, s.url, { grey: true }),
    text(282, 8, s.where, { grey: true }),
  ];
}

/** Each row's runs of dark modules as [x, y, length], in module units with the quiet zone. */
function runs(modules: boolean[][]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      out.push([start + QUIET, y + QUIET, x - start]);
    }
  });
  return out;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const num = (n: number) => String(Math.round(n * 1000) / 1000);

export function sheetSvg(s: QrSheet): string {
  const parts = layout(s).map((item) => {
    if (item.kind === "qr") {
      const m = item.size / (item.modules.length + 2 * QUIET);
      const d = runs(item.modules)
        .map(([x, y, len]) => `M${x} ${y}h${len}v1h-${len}z`)
        .join("");
      return `<path fill="#000" transform="translate(${num(item.x)} ${num(item.y)}) scale(${num(m)})" d="${d}"/>`;
    }
    const weight = item.bold ? ` font-weight="bold"` : "";
    const fill = item.grey ? "#475569" : "#0f172a";
    return `<text x="${num(item.x)}" y="${num(item.y)}" font-size="${num(item.pt * MM_PER_PT)}"${weight} fill="${fill}">${xml(item.text)}</text>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.w}mm" height="${PAGE.h}mm" viewBox="0 0 ${PAGE.w} ${PAGE.h}" role="img" aria-label="${xml(`QR code: ${s.touchpointName}`)}">` +
    `<title>${xml(`${s.orgName} · ${s.touchpointName}: survey QR code`)}</title>` +
    `<rect width="${PAGE.w}" height="${PAGE.h}" fill="#fff"/>` +
    `<g font-family="Helvetica, Arial, sans-serif">${parts.join("")}</g></svg>\n`
  );
}

// Windows-1252 beyond Latin-1: the characters a name or a link may carry.
const WIN_ANSI: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "™": 0x99,
  Š: 0x8a,
  š: 0x9a,
  Œ: 0x8c,
  œ: 0x9c,
  Ž: 0x8e,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** A PDF string literal in WinAnsiEncoding, ASCII only: \ ( ) escaped, bytes above 126 as octal, the rest "?". */
function pdfString(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    const byte = code >= 32 && code < 127 ? code : code >= 0xa0 && code <= 0xff ? code : (WIN_ANSI[ch] ?? 63);
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${String.fromCharCode(byte)}`;
    else if (byte > 126) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `(${out})`;
}

export function sheetPdf(s: QrSheet): Buffer {
  const pt = (mm: number) => mm / MM_PER_PT;
  const H = pt(PAGE.h);
  const ops: string[] = [];
  for (const item of layout(s)) {
    if (item.kind === "qr") {
      const m = item.size / (item.modules.length + 2 * QUIET);
      ops.push("0 0 0 rg");
      for (const [x, y, len] of runs(item.modules))
        ops.push(
          `${num(pt(item.x + x * m))} ${num(H - pt(item.y + (y + 1) * m))} ${num(pt(len * m))} ${num(pt(m))} re`,
        );
      ops.push("f");
    } else {
      const colour = item.grey ? "0.278 0.333 0.412 rg" : "0.059 0.09 0.165 rg";
      ops.push(
        `BT ${colour} /${item.bold ? "F2" : "F1"} ${item.pt} Tf ${num(pt(item.x))} ${num(H - pt(item.y))} Td ${pdfString(item.text)} Tj ET`,
      );
    }
  }
  const content = ops.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(pt(PAGE.w))} ${num(H)}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(`${s.orgName} - ${s.touchpointName}`)} /Producer (Resonance) >>`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The dark modules an SVG sheet draws, read back from its path (for tests: what is printed is the matrix). */
export function svgModules(svg: string): boolean[][] {
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? "";
  return fromRuns([...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)].map((r) => [+r[1], +r[2], +r[3]]));
}

/** The dark modules a PDF sheet draws, read back from its rectangles. */
export function pdfModules(pdf: Buffer): boolean[][] {
  const rects = [...pdf.toString("latin1").matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re$/gm)].map((r) =>
    r.slice(1, 5).map(Number),
  );
  if (rects.length === 0) return [];
  const m = rects[0][3]; // every rectangle is one module high
  const left = Math.min(...rects.map((r) => r[0])) - QUIET * m;
  const top = Math.max(...rects.map((r) => r[1] + r[3])) + QUIET * m;
  return fromRuns(
    rects.map(([x, y, w]) => [Math.round((x - left) / m), Math.round((top - y) / m) - 1, Math.round(w / m)]),
  );
}

function fromRuns(rs: number[][]): boolean[][] {
  const size = Math.max(0, ...rs.map(([x, , len]) => x + len - QUIET), ...rs.map(([, y]) => y + 1 - QUIET));
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [x, y, len] of rs) for (let i = 0; i < len; i++) grid[y - QUIET][x - QUIET + i] = true;
  return grid;
}
