// The short re-survey e-mail sent when a case is resolved: plain text plus a minimal HTML part (one paragraph
// and one link, readable without images or styles), in the survey's default language. Sent by the campaign worker
// as the invitation of the built-in re-survey trigger (docs/cases.md): the link is the invitation's signed link,
// and like every invitation it carries an unsubscribe link and the List-Unsubscribe headers.
import { simpleEmail } from "../mail/html";
import { invitationLinks, unsubscribeHeaders, type InvitationEmailInput, type RenderedEmail } from "../campaigns/email";

type Text = {
  subject: (org: string) => string;
  greeting: (name: string | null) => string;
  body: string;
  link: string;
  thanks: string;
  unsubscribe: string;
  reminder: string;
};

const TEXTS: Record<string, Text> = {
  en: {
    subject: (org) => `${org}: how did we do?`,
    greeting: (n) => (n ? `Hello ${n},` : "Hello,"),
    body: "Thank you for your feedback. We have followed up on it and would like to know how we did. It takes less than a minute.",
    link: "Answer the short survey",
    thanks: "Thank you",
    unsubscribe: "Unsubscribe from surveys",
    reminder: "Reminder: ",
  },
  de: {
    subject: (org) => `${org}: Wie haben wir es gemacht?`,
    greeting: (n) => (n ? `Hallo ${n},` : "Hallo,"),
    body: "Danke für Ihr Feedback. Wir haben uns darum gekümmert und möchten wissen, wie zufrieden Sie jetzt sind. Es dauert weniger als eine Minute.",
    link: "Zur kurzen Umfrage",
    thanks: "Vielen Dank",
    unsubscribe: "Von Umfragen abmelden",
    reminder: "Erinnerung: ",
  },
  fr: {
    subject: (org) => `${org} : qu’en avez-vous pensé ?`,
    greeting: (n) => (n ? `Bonjour ${n},` : "Bonjour,"),
    body: "Merci pour votre avis. Nous y avons donné suite et aimerions savoir ce que vous en pensez. Cela prend moins d’une minute.",
    link: "Répondre au court questionnaire",
    thanks: "Merci",
    unsubscribe: "Se désinscrire des enquêtes",
    reminder: "Rappel : ",
  },
  es: {
    subject: (org) => `${org}: ¿qué tal lo hicimos?`,
    greeting: (n) => (n ? `Hola ${n}:` : "Hola:"),
    body: "Gracias por su opinión. Le hemos dado seguimiento y nos gustaría saber cómo lo hicimos. Se tarda menos de un minuto.",
    link: "Responder a la breve encuesta",
    thanks: "Gracias",
    unsubscribe: "Darse de baja de las encuestas",
    reminder: "Recordatorio: ",
  },
};

export function resurveyEmail(
  locale: string,
  opts: { orgName: string; customerName: string | null; link: string; unsubscribe?: string; reminder?: boolean },
) {
  const t = TEXTS[locale.slice(0, 2).toLowerCase()] ?? TEXTS.en;
  return simpleEmail({
    lang: locale,
    subject: `${opts.reminder ? t.reminder : ""}${t.subject(opts.orgName)}`,
    before: [t.greeting(opts.customerName), t.body],
    link: { label: t.link, href: opts.link },
    sign: [`${t.thanks},`, opts.orgName],
    after: opts.unsubscribe ? [`${t.unsubscribe}: ${opts.unsubscribe}`] : [],
  });
}

/** The re-survey as an invitation e-mail (the worker's renderer for the built-in re-survey trigger). */
export function resurveyInvitationEmail(m: InvitationEmailInput): RenderedEmail {
  const links = invitationLinks(m.baseUrl, m.invitationId);
  const email = resurveyEmail(m.locale, {
    orgName: m.orgName,
    customerName: m.customerName,
    link: links.survey,
    unsubscribe: links.unsubscribe,
    reminder: m.reminder,
  });
  return { ...email, headers: unsubscribeHeaders(links.unsubscribe) };
}
