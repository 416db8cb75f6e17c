// The short re-survey e-mail sent when a case is resolved: plain text plus a minimal HTML part (one paragraph
// and one link, readable without images or styles), in the survey's default language.
import { escapeHtml } from "../digest/email";

type Text = { subject: (org: string) => string; greeting: (name: string | null) => string; body: string; link: string; thanks: string };

const TEXTS: Record<string, Text> = {
  en: {
    subject: (org) => `${org}: how did we do?`,
    greeting: (n) => (n ? `Hello ${n},` : "Hello,"),
    body: "Thank you for your feedback. We have followed up on it and would like to know how we did. It takes less than a minute.",
    link: "Answer the short survey",
    thanks: "Thank you",
  },
  de: {
    subject: (org) => `${org}: Wie haben wir es gemacht?`,
    greeting: (n) => (n ? `Hallo ${n},` : "Hallo,"),
    body: "Danke für Ihr Feedback. Wir haben uns darum gekümmert und möchten wissen, wie zufrieden Sie jetzt sind. Es dauert weniger als eine Minute.",
    link: "Zur kurzen Umfrage",
    thanks: "Vielen Dank",
  },
  fr: {
    subject: (org) => `${org} : qu’en avez-vous pensé ?`,
    greeting: (n) => (n ? `Bonjour ${n},` : "Bonjour,"),
    body: "Merci pour votre avis. Nous y avons donné suite et aimerions savoir ce que vous en pensez. Cela prend moins d’une minute.",
    link: "Répondre au court questionnaire",
    thanks: "Merci",
  },
  es: {
    subject: (org) => `${org}: ¿qué tal lo hicimos?`,
    greeting: (n) => (n ? `Hola ${n}:` : "Hola:"),
    body: "Gracias por su opinión. Le hemos dado seguimiento y nos gustaría saber cómo lo hicimos. Se tarda menos de un minuto.",
    link: "Responder a la breve encuesta",
    thanks: "Gracias",
  },
};

export function resurveyEmail(locale: string, opts: { orgName: string; customerName: string | null; link: string }) {
  const t = TEXTS[locale.slice(0, 2).toLowerCase()] ?? TEXTS.en;
  const text = `${t.greeting(opts.customerName)}\n\n${t.body}\n\n${t.link}: ${opts.link}\n\n${t.thanks},\n${opts.orgName}\n`;
  const html =
    `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0f172a">` +
    `<p>${escapeHtml(t.greeting(opts.customerName))}</p><p>${escapeHtml(t.body)}</p>` +
    `<p><a href="${escapeHtml(opts.link)}" style="color:#1d4ed8;font-weight:bold">${escapeHtml(t.link)}</a></p>` +
    `<p>${escapeHtml(t.thanks)},<br>${escapeHtml(opts.orgName)}</p></body></html>`;
  return { subject: t.subject(opts.orgName), text, html };
}
