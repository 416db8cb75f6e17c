// The digest as an e-mail: subject, a plain-text part and an HTML part. The HTML is what mail clients still
// render alike: tables for layout (role="presentation"), inline styles, no images or scripts, real data tables
// (caption, th scope) for the figures, system fonts, text colours of 4.5:1 contrast or more. Every value is
// escaped: touchpoint and organization names are user input.
import type { Metric } from "../metrics";
import { escapeHtml } from "../mail/html";
import type { Digest } from "./service";
import { DIGEST_METRICS, type ChangeSelection } from "./select";
import {
  changeLine,
  metricLine,
  NO_THEME_CHANGES,
  periodLabel,
  placeName,
  themeChangeLine,
  themeNotes,
  type MetricLine,
} from "./present";
import type { DigestThemes } from "./themes";

export type DigestLinks = { dashboardUrl: string; digestUrl: string; settingsUrl: string };
export type DigestEmail = { subject: string; text: string; html: string };

/** Escaped, and "n = 200" kept on one line in narrow mail windows. */
function cellText(s: string): string {
  return escapeHtml(s).replace(/n = /g, "n&nbsp;=&nbsp;");
}

/** Links back to the app from its public base URL (PUBLIC_URL, else NEXTAUTH_URL); the page shows the same week. */
export function digestLinks(baseUrl: string, weekEnding: Date): DigestLinks {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    dashboardUrl: `${base}/`,
    digestUrl: `${base}/reports/digest?weekEnding=${weekEnding.toISOString().slice(0, 10)}`,
    settingsUrl: `${base}/settings#digest`,
  };
}

function lines(d: Digest): MetricLine[] {
  return DIGEST_METRICS.map((m: Metric) =>
    metricLine(m, d.headline.current, d.headline.previous, d.headline.change[m]),
  );
}

/** Whom the digest covers: the organization, or a scoped member's unit within it. */
const covers = (d: Digest) => (d.unit ? `${d.unit.name} (${d.org.name})` : d.org.name);

export function digestSubject(d: Digest): string {
  const nps = metricLine("nps", d.headline.current, d.headline.previous, d.headline.change.nps);
  const headline =
    nps.value === null ? "no NPS responses" : nps.enough ? `NPS ${nps.value}` : `NPS ${nps.value} (too few responses)`;
  return `Weekly CX digest, ${covers(d)}, ${periodLabel(d.period)}: ${headline}`;
}

function changeListText(title: string, s: ChangeSelection): string[] {
  const out = [title];
  if (s.changes.length === 0) out.push("  No significant changes.");
  for (const c of s.changes) out.push(`  - ${placeName(c)}: ${changeLine(c)}`);
  if (s.significant > s.changes.length)
    out.push(`  … and ${s.significant - s.changes.length} more significant changes.`);
  if (s.tooFew > 0)
    out.push(`  ${s.tooFew} figure${s.tooFew === 1 ? "" : "s"} had too few responses (under 30 in a week) to test.`);
  return out;
}

const THEMES_TITLE = "Biggest significant changes in what customers write about";
const THEMES_NOTE =
  "Theme changes: the share of analysed comments mentioning each theme, this week against the week before (pooled two-proportion z-test, Benjamini–Hochberg across the themes tested at q = 0.05).";

function themeListText(t: DigestThemes): string[] {
  const out = [`${THEMES_TITLE}:`];
  if (t.changes.length === 0) out.push(`  ${NO_THEME_CHANGES}`);
  for (const c of t.changes) out.push(`  - ${c.name}: ${themeChangeLine(c)}`);
  for (const note of themeNotes(t)) out.push(`  ${note}`);
  return out;
}

function themeListHtml(t: DigestThemes): string {
  const items = t.changes
    .map(
      (c) => `<li style="margin:0 0 6px"><strong>${escapeHtml(c.name)}</strong>: ${cellText(themeChangeLine(c))}</li>`,
    )
    .join("");
  const body = t.changes.length
    ? `<ul style="margin:0;padding-left:20px;font-size:14px;${TEXT}">${items}</ul>`
    : `<p style="margin:0;font-size:14px;${TEXT}">${escapeHtml(NO_THEME_CHANGES)}</p>`;
  const notes = themeNotes(t)
    .map((n) => `<p style="margin:4px 0;${MUTED};font-size:13px">${cellText(n)}</p>`)
    .join("");
  return `<h2 style="font-size:16px;margin:24px 0 8px;${TEXT}">${escapeHtml(THEMES_TITLE)}</h2>${body}${notes}`;
}

export function renderDigestText(d: Digest, links: DigestLinks): string {
  const out = [
    `Weekly CX digest for ${covers(d)}`,
    `${periodLabel(d.period)} compared with ${periodLabel(d.previousPeriod)} (UTC)`,
    "",
  ];
  for (const l of lines(d)) {
    const figure = l.value === null ? "—" : `${l.value}${l.interval ? ` ${l.interval}` : ""}`;
    out.push(`${l.label}: ${figure}, ${l.sample}; ${l.change.text} (week before: ${l.previous})`);
  }
  out.push(
    "",
    `New detractors: ${d.newDetractors}`,
    `Open cases: ${d.openCases} (${d.overdueCases} overdue)`,
    `Interactions logged: ${d.interactions}`,
    "",
  );
  out.push(...changeListText("Biggest significant changes by touchpoint:", d.touchpoints), "");
  out.push(...changeListText("Biggest significant changes by journey:", d.journeys), "");
  out.push(...themeListText(d.themes), "");
  out.push(
    "Intervals are 95 %. A change is significant when it exceeds 1.96 standard errors of the difference (Welch's t-test for CES); figures from fewer than 30 responses are flagged, not hidden.",
    THEMES_NOTE,
    "",
    `Open the dashboard: ${links.dashboardUrl}`,
    `This digest in the app: ${links.digestUrl}`,
    `Change who gets it and when: ${links.settingsUrl}`,
  );
  return out.join("\n");
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = "color:#1e293b";
const MUTED = "color:#475569";
const CELL = "padding:8px 6px;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:top;font-size:14px";

function changeColour(l: MetricLine): string {
  if (l.change.verdict !== "significant") return "#334155";
  return l.change.direction === "up" ? "#166534" : "#b91c1c";
}

function headlineTable(d: Digest): string {
  const rows = lines(d)
    .map((l) => {
      const figure =
        l.value === null
          ? "—"
          : `<strong style="font-size:18px">${escapeHtml(l.value)}</strong>${l.interval ? ` <span style="${MUTED}">${escapeHtml(l.interval)}</span>` : ""}`;
      const sample = l.enough
        ? cellText(l.sample)
        : `<span style="color:#92400e;font-weight:600">${cellText(l.sample)}</span>`;
      return `<tr><th scope="row" style="${CELL};${TEXT}">${l.label}</th><td style="${CELL};${TEXT}">${figure}<br><span style="font-size:13px">${sample}</span></td><td style="${CELL};color:${changeColour(l)}">${escapeHtml(l.change.text)}</td><td style="${CELL};${MUTED}">${cellText(l.previous)}</td></tr>`;
    })
    .join("");
  return `<table role="table" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${FONT}"><caption style="text-align:left;font-weight:600;font-size:16px;padding:0 0 8px;${TEXT}">Headline numbers</caption><thead><tr><th scope="col" style="${CELL};${MUTED}">Metric</th><th scope="col" style="${CELL};${MUTED}">This week</th><th scope="col" style="${CELL};${MUTED}">Change</th><th scope="col" style="${CELL};${MUTED}">Week before</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function changeListHtml(title: string, s: ChangeSelection): string {
  const items = s.changes
    .map(
      (c) =>
        `<li style="margin:0 0 6px"><strong>${escapeHtml(placeName(c))}</strong>: ${escapeHtml(changeLine(c))}</li>`,
    )
    .join("");
  const more =
    s.significant > s.changes.length
      ? `<p style="margin:4px 0;${MUTED};font-size:13px">… and ${s.significant - s.changes.length} more significant changes.</p>`
      : "";
  const few =
    s.tooFew > 0
      ? `<p style="margin:4px 0;${MUTED};font-size:13px">${s.tooFew} figure${s.tooFew === 1 ? "" : "s"} had too few responses (under 30 in a week) to test.</p>`
      : "";
  const body = s.changes.length
    ? `<ul style="margin:0;padding-left:20px;font-size:14px;${TEXT}">${items}</ul>`
    : `<p style="margin:0;font-size:14px;${TEXT}">No significant changes.</p>`;
  return `<h2 style="font-size:16px;margin:24px 0 8px;${TEXT}">${escapeHtml(title)}</h2>${body}${more}${few}`;
}

function countsHtml(d: Digest): string {
  const cell = (label: string, value: string) =>
    `<td style="padding:10px;border:1px solid #e2e8f0;${TEXT};font-size:14px;width:33%"><span style="${MUTED};font-size:13px">${label}</span><br><strong style="font-size:18px">${value}</strong></td>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-top:16px;${FONT}"><tr>${cell("New detractors", String(d.newDetractors))}${cell("Open cases", `${d.openCases} <span style="font-size:13px;font-weight:normal">(${d.overdueCases} overdue)</span>`)}${cell("Interactions logged", String(d.interactions))}</tr></table>`;
}

export function renderDigestHtml(d: Digest, links: DigestLinks): string {
  const title = `Weekly CX digest for ${covers(d)}`;
  const link = (href: string, text: string) =>
    `<a href="${escapeHtml(href)}" style="color:#1d4ed8;text-decoration:underline">${text}</a>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:20px 16px;${FONT};${TEXT}">
<h1 style="font-size:20px;margin:0 0 4px;${TEXT}">${escapeHtml(title)}</h1>
<p style="margin:0 0 16px;font-size:14px;${MUTED}">${escapeHtml(periodLabel(d.period))} compared with ${escapeHtml(periodLabel(d.previousPeriod))} (UTC)</p>
${headlineTable(d)}
${countsHtml(d)}
${changeListHtml("Biggest significant changes by touchpoint", d.touchpoints)}
${changeListHtml("Biggest significant changes by journey", d.journeys)}
${themeListHtml(d.themes)}
<p style="margin:24px 0 0;font-size:15px">${link(links.dashboardUrl, "Open the dashboard")} · ${link(links.digestUrl, "View this digest in Resonance")}</p>
<p style="margin:16px 0 0;font-size:12px;${MUTED}">Intervals are 95 %. A change is significant when it exceeds 1.96 standard errors of the difference (Welch’s t-test for CES); figures from fewer than 30 responses are flagged, not hidden. ${escapeHtml(THEMES_NOTE)} ${link(links.settingsUrl, "Change who gets this digest and when")}.</p>
</td></tr></table>
</td></tr></table>
</body></html>`;
}

export function renderDigestEmail(d: Digest, links: DigestLinks): DigestEmail {
  return { subject: digestSubject(d), text: renderDigestText(d, links), html: renderDigestHtml(d, links) };
}
