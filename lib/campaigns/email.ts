// The invitation e-mail (and its reminders): a greeting, the survey's headline question with its scale as one
// link per score (each opens /i/<token>?score=N, which saves that score for this invitation and opens the survey to
// continue: links.ts), a plain link to the survey, and an unsubscribe link. Headers: List-Unsubscribe with the
// one HTTPS URL that unsubscribes on POST, and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058), so a
// mail client's "Unsubscribe" button works without opening a page. Every value is escaped: names are user input.
import { escapeHtml } from "../mail/html";
import { invitationToken } from "./link-token";

export type InvitationEmailInput = {
  baseUrl: string;
  invitationId: string;
  orgName: string;
  customerName: string | null;
  subject: string | null;
  /** The headline score question in the survey's default language, when the survey has one. */
  question: { text: string; min: number; max: number } | null;
  reminder: boolean;
  locale: string;
};

export type RenderedEmail = { subject: string; text: string; html: string; headers: Record<string, string> };

export function invitationLinks(baseUrl: string, invitationId: string) {
  const token = invitationToken(invitationId);
  return {
    survey: `${baseUrl}/i/${token}`,
    score: (n: number) => `${baseUrl}/i/${token}?score=${n}`,
    unsubscribe: `${baseUrl}/u/${token}`,
  };
}

/** RFC 8058 one-click unsubscribe: the mail client's own "Unsubscribe" button POSTs to the URL. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export function invitationEmail(m: InvitationEmailInput): RenderedEmail {
  const links = invitationLinks(m.baseUrl, m.invitationId);
  const subject = `${m.reminder ? "Reminder: " : ""}${m.subject || `${m.orgName} would like your opinion`}`;
  const greeting = m.customerName ? `Hello ${m.customerName},` : "Hello,";
  const ask = m.reminder
    ? `We asked you a few days ago and would still like to hear from you. It takes less than a minute.`
    : `We would like to know how we are doing. It takes less than a minute.`;
  const scores = m.question
    ? Array.from({ length: m.question.max - m.question.min + 1 }, (_, i) => m.question!.min + i)
    : [];
  const text =
    [
      greeting,
      ask,
      ...(m.question ? [`${m.question.text}\n${scores.map((n) => `${n}: ${links.score(n)}`).join("\n")}`] : []),
      `Answer the survey: ${links.survey}`,
      `Thank you,\n${m.orgName}`,
      `You receive this because you are a customer of ${m.orgName}. Unsubscribe from surveys: ${links.unsubscribe}`,
    ].join("\n\n") + "\n";
  const cell = (n: number) =>
    `<td style="padding:2px"><a href="${escapeHtml(links.score(n))}" style="display:inline-block;min-width:28px;padding:8px 4px;text-align:center;border:1px solid #94a3b8;border-radius:4px;color:#0f172a;text-decoration:none;font-weight:bold" aria-label="${n}">${n}</a></td>`;
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html =
    `<!doctype html><html lang="${escapeHtml(m.locale)}"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">` +
    p(greeting) +
    p(ask) +
    (m.question
      ? `<p><strong>${escapeHtml(m.question.text)}</strong></p><table role="presentation" style="border-collapse:collapse"><tr>${scores.map(cell).join("")}</tr></table>`
      : "") +
    `<p><a href="${escapeHtml(links.survey)}" style="color:#1d4ed8;font-weight:bold">Answer the survey</a></p>` +
    `<p>Thank you,<br>${escapeHtml(m.orgName)}</p>` +
    `<p style="font-size:13px;color:#475569">You receive this because you are a customer of ${escapeHtml(m.orgName)}. <a href="${escapeHtml(links.unsubscribe)}" style="color:#475569">Unsubscribe from surveys</a></p>` +
    `</body></html>`;
  return {
    subject,
    text,
    html,
    headers: unsubscribeHeaders(links.unsubscribe),
  };
}
