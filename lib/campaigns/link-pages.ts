// The small pages behind the links of an invitation e-mail (/u/<token>): plain server-made HTML, readable without
// scripts, in the style of the hosted survey. Every value is escaped: organization names are user input.
import { escapeHtml } from "../mail/html";

export function linkPage(opts: {
  status?: number;
  title: string;
  paragraphs: string[];
  form?: { action: string; button: string };
}): Response {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(opts.title)}</title></head>` +
    `<body style="margin:0;font-family:system-ui,Arial,sans-serif;color:#0f172a;background:#f8fafc">` +
    `<main style="max-width:36rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #e2e8f0;border-radius:8px">` +
    `<h1 style="font-size:1.5rem;margin:0 0 1rem">${escapeHtml(opts.title)}</h1>` +
    opts.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join("") +
    (opts.form
      ? `<form method="post" action="${escapeHtml(opts.form.action)}"><button type="submit" style="font:inherit;padding:.6rem 1rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer">${escapeHtml(opts.form.button)}</button></form>`
      : "") +
    `</main></body></html>`;
  return new Response(html, {
    status: opts.status ?? 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    },
  });
}

export const notAValidLink = () =>
  linkPage({
    status: 404,
    title: "This link is not valid",
    paragraphs: ["The link may be incomplete or out of date. Copy the whole link from the e-mail and try again."],
  });
