// Short transactional e-mails (re-survey, invite, password reset, e-mail change): a plain-text part and a
// minimal HTML part — paragraphs and at most one link, readable without images or styles. Every value is
// escaped: names of people and organizations are user input.

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export type SimpleEmail = { subject: string; text: string; html: string };

/** Paragraphs before and after an optional link; `sign` ends both parts (e.g. "Thank you,\nNorthwind"). */
export function simpleEmail(opts: {
  lang?: string;
  subject: string;
  before: string[];
  link?: { label: string; href: string };
  after?: string[];
  sign?: string[];
}): SimpleEmail {
  const after = opts.after ?? [];
  const sign = opts.sign ?? [];
  const text =
    [
      ...opts.before,
      ...(opts.link ? [`${opts.link.label}: ${opts.link.href}`] : []),
      ...after,
      ...(sign.length ? [sign.join("\n")] : []),
    ].join("\n\n") + "\n";
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html =
    `<!doctype html><html lang="${escapeHtml(opts.lang ?? "en")}"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">` +
    opts.before.map(p).join("") +
    (opts.link
      ? `<p><a href="${escapeHtml(opts.link.href)}" style="color:#1d4ed8;font-weight:bold">${escapeHtml(opts.link.label)}</a></p>`
      : "") +
    after.map(p).join("") +
    (sign.length ? `<p>${sign.map(escapeHtml).join("<br>")}</p>` : "") +
    `</body></html>`;
  return { subject: opts.subject, text, html };
}
