// The digest as an e-mail: subject, a plain-text part and an HTML part, in the recipient's language (./email-words.ts;
// English by default). The HTML is what mail clients still render alike: tables for layout (role="presentation"),
// inline styles, no images or scripts, real data tables (caption, th scope) for the figures, system fonts, text
// colours of 4.5:1 contrast or more. Every value is escaped: touchpoint and organization names are user input.
import type { Metric } from "../metrics";
import { escapeHtml } from "../mail/html";
import type { AppLocale } from "../i18n/config";
import type { Digest } from "./service";
import { DIGEST_METRICS, type ChangeSelection } from "./select";
import { placeName } from "./present";
import {
  changeLine,
  digestWords,
  metricLine,
  themeChangeLine,
  themeNotes,
  type DigestWords,
  type MetricLine,
} from "./email-words";
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

function lines(w: DigestWords, d: Digest): MetricLine[] {
  return DIGEST_METRICS.map((m: Metric) =>
    metricLine(w, m, d.headline.current, d.headline.previous, d.headline.change[m]),
  );
}

/** Whom the digest covers: the organization, or a scoped member's unit within it. */
const covers = (w: DigestWords, d: Digest) =>
  d.unit ? w.t("covers", { unit: d.unit.name, org: d.org.name }) : d.org.name;

export function digestSubject(d: Digest, w: DigestWords = digestWords()): string {
  const nps = metricLine(w, "nps", d.headline.current, d.headline.previous, d.headline.change.nps);
  const headline =
    nps.value === null
      ? w.t("headline.none")
      : w.t(nps.enough ? "headline.value" : "headline.tooFew", { value: nps.value });
  return w.t("subject", { covers: covers(w, d), period: w.period(d.period), headline });
}

function changeListText(w: DigestWords, title: string, s: ChangeSelection): string[] {
  const out = [`${title}:`];
  if (s.changes.length === 0) out.push(`  ${w.t("noChanges")}`);
  for (const c of s.changes) out.push(`  - ${placeName(c)}: ${changeLine(w, c)}`);
  if (s.significant > s.changes.length)
    out.push(`  ${w.t("more", { count: w.count(s.significant - s.changes.length) })}`);
  if (s.tooFew > 0) out.push(`  ${w.t("tooFew", { count: s.tooFew })}`);
  return out;
}

function themeListText(w: DigestWords, t: DigestThemes): string[] {
  const out = [`${w.t("themes.title")}:`];
  if (t.changes.length === 0) out.push(`  ${w.t("themes.empty")}`);
  for (const c of t.changes) out.push(`  - ${c.name}: ${themeChangeLine(w, c)}`);
  for (const note of themeNotes(w, t)) out.push(`  ${note}`);
  return out;
}

function themeListHtml(w: DigestWords, t: DigestThemes): string {
  const items = t.changes
    .map(
      (c) =>
        `<li style="margin:0 0 6px"><strong>${escapeHtml(c.name)}</strong>: ${cellText(themeChangeLine(w, c))}</li>`,
    )
    .join("");
  const body = t.changes.length
    ? `<ul style="margin:0;padding-left:20px;font-size:14px;${TEXT}">${items}</ul>`
    : `<p style="margin:0;font-size:14px;${TEXT}">${escapeHtml(w.t("themes.empty"))}</p>`;
  const notes = themeNotes(w, t)
    .map((n) => `<p style="margin:4px 0;${MUTED};font-size:13px">${cellText(n)}</p>`)
    .join("");
  return `<h2 style="font-size:16px;margin:24px 0 8px;${TEXT}">${escapeHtml(w.t("themes.title"))}</h2>${body}${notes}`;
}

export function renderDigestText(d: Digest, links: DigestLinks, w: DigestWords = digestWords()): string {
  const period = w.t("period", { period: w.period(d.period), previous: w.period(d.previousPeriod) });
  const out = [w.t("title", { covers: covers(w, d) }), period, ""];
  for (const l of lines(w, d)) {
    const figure = l.value === null ? "—" : `${l.value}${l.interval ? ` ${l.interval}` : ""}`;
    out.push(
      w.t("metricLine", { label: l.label, figure, sample: l.sample, change: l.change.text, previous: l.previous }),
    );
  }
  out.push(
    "",
    `${w.t("counts.detractors")}: ${w.count(d.newDetractors)}`,
    `${w.t("counts.openCases")}: ${w.count(d.openCases)} (${w.t("counts.overdue", { count: w.count(d.overdueCases) })})`,
    `${w.t("counts.interactions")}: ${w.count(d.interactions)}`,
    "",
  );
  out.push(...changeListText(w, w.t("touchpoints"), d.touchpoints), "");
  out.push(...changeListText(w, w.t("journeys"), d.journeys), "");
  out.push(...themeListText(w, d.themes), "");
  out.push(
    w.t("how"),
    w.t("themes.note"),
    "",
    `${w.t("links.dashboard")}: ${links.dashboardUrl}`,
    `${w.t("links.digestText")}: ${links.digestUrl}`,
    `${w.t("links.settingsText")}: ${links.settingsUrl}`,
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

function headlineTable(w: DigestWords, d: Digest): string {
  const rows = lines(w, d)
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
  const th = (key: "metric" | "thisWeek" | "change" | "weekBefore") =>
    `<th scope="col" style="${CELL};${MUTED}">${escapeHtml(w.t(`table.${key}`))}</th>`;
  return `<table role="table" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${FONT}"><caption style="text-align:left;font-weight:600;font-size:16px;padding:0 0 8px;${TEXT}">${escapeHtml(w.t("table.caption"))}</caption><thead><tr>${th("metric")}${th("thisWeek")}${th("change")}${th("weekBefore")}</tr></thead><tbody>${rows}</tbody></table>`;
}

function changeListHtml(w: DigestWords, title: string, s: ChangeSelection): string {
  const items = s.changes
    .map(
      (c) =>
        `<li style="margin:0 0 6px"><strong>${escapeHtml(placeName(c))}</strong>: ${escapeHtml(changeLine(w, c))}</li>`,
    )
    .join("");
  const note = (text: string) => `<p style="margin:4px 0;${MUTED};font-size:13px">${escapeHtml(text)}</p>`;
  const more =
    s.significant > s.changes.length ? note(w.t("more", { count: w.count(s.significant - s.changes.length) })) : "";
  const few = s.tooFew > 0 ? note(w.t("tooFew", { count: s.tooFew })) : "";
  const body = s.changes.length
    ? `<ul style="margin:0;padding-left:20px;font-size:14px;${TEXT}">${items}</ul>`
    : `<p style="margin:0;font-size:14px;${TEXT}">${escapeHtml(w.t("noChanges"))}</p>`;
  return `<h2 style="font-size:16px;margin:24px 0 8px;${TEXT}">${escapeHtml(title)}</h2>${body}${more}${few}`;
}

function countsHtml(w: DigestWords, d: Digest): string {
  const cell = (label: string, value: string) =>
    `<td style="padding:10px;border:1px solid #e2e8f0;${TEXT};font-size:14px;width:33%"><span style="${MUTED};font-size:13px">${escapeHtml(label)}</span><br><strong style="font-size:18px">${value}</strong></td>`;
  const overdue = escapeHtml(w.t("counts.overdue", { count: w.count(d.overdueCases) }));
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin-top:16px;${FONT}"><tr>${cell(w.t("counts.detractors"), w.count(d.newDetractors))}${cell(w.t("counts.openCases"), `${w.count(d.openCases)} <span style="font-size:13px;font-weight:normal">(${overdue})</span>`)}${cell(w.t("counts.interactions"), w.count(d.interactions))}</tr></table>`;
}

export function renderDigestHtml(d: Digest, links: DigestLinks, w: DigestWords = digestWords()): string {
  const title = w.t("title", { covers: covers(w, d) });
  const period = w.t("period", { period: w.period(d.period), previous: w.period(d.previousPeriod) });
  const link = (href: string, text: string) =>
    `<a href="${escapeHtml(href)}" style="color:#1d4ed8;text-decoration:underline">${escapeHtml(text)}</a>`;
  return `<!doctype html><html lang="${w.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:20px 16px;${FONT};${TEXT}">
<h1 style="font-size:20px;margin:0 0 4px;${TEXT}">${escapeHtml(title)}</h1>
<p style="margin:0 0 16px;font-size:14px;${MUTED}">${escapeHtml(period)}</p>
${headlineTable(w, d)}
${countsHtml(w, d)}
${changeListHtml(w, w.t("touchpoints"), d.touchpoints)}
${changeListHtml(w, w.t("journeys"), d.journeys)}
${themeListHtml(w, d.themes)}
<p style="margin:24px 0 0;font-size:15px">${link(links.dashboardUrl, w.t("links.dashboard"))} · ${link(links.digestUrl, w.t("links.digest"))}</p>
<p style="margin:16px 0 0;font-size:12px;${MUTED}">${escapeHtml(w.t("how"))} ${escapeHtml(w.t("themes.note"))} ${link(links.settingsUrl, w.t("links.settings"))}.</p>
</td></tr></table>
</td></tr></table>
</body></html>`;
}

/** The e-mail in `locale` (the recipient's: lib/account/recipient-locale.ts), English by default. */
export function renderDigestEmail(d: Digest, links: DigestLinks, locale: AppLocale = "en"): DigestEmail {
  const w = digestWords(locale);
  return { subject: digestSubject(d, w), text: renderDigestText(d, links, w), html: renderDigestHtml(d, links, w) };
}
