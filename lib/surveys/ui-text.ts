// The words around a survey that respondents read (buttons, scale ends, messages), in the languages the
// product ships. A survey in another language gets its question texts in that language and these in
// English. Pure data; the public survey definition carries the subset an embed needs.
import type { Metric } from "../metrics/categories";
import type { AnswerIssueCode } from "./answers";

export type UiText = {
  title: string;
  intro: string; // {org} is replaced by the organization's name
  required: string;
  submit: string;
  sending: string;
  thanksTitle: string;
  thanksBody: string;
  alreadyDone: string;
  errorSummary: string;
  genericError: string;
  rateLimited: string;
  closedTitle: string;
  closedBody: string;
  optedOutTitle: string;
  optedOutBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  yes: string;
  no: string;
  textHint: string;
  language: string;
  scale: Record<Metric, [min: string, max: string]>;
  issues: { required: string; empty: string; tooLong: string; hidden: string; invalid: string };
};

const en: UiText = {
  title: "Your feedback",
  intro: "{org} would like to hear from you. It takes less than a minute.",
  required: "Required",
  submit: "Send",
  sending: "Sending…",
  thanksTitle: "Thank you!",
  thanksBody: "Your answers have been recorded.",
  alreadyDone: "You have already answered this survey. Thank you!",
  errorSummary: "Please check the marked answers.",
  genericError: "Your answers could not be sent. Please try again.",
  rateLimited: "Too many attempts. Please wait a minute and try again.",
  closedTitle: "This survey has closed",
  closedBody: "Thank you for your interest. Answers are no longer being collected.",
  optedOutTitle: "You have opted out of surveys",
  optedOutBody: "You told us not to send you surveys, so there is nothing to answer here. Thank you.",
  notFoundTitle: "Survey not found",
  notFoundBody: "The link may be incomplete, or the survey is not available.",
  yes: "Yes",
  no: "No",
  textHint: "Up to 5,000 characters.",
  language: "Language",
  scale: {
    nps: ["Not at all likely", "Extremely likely"],
    csat: ["Very dissatisfied", "Very satisfied"],
    ces: ["Strongly disagree", "Strongly agree"],
  },
  issues: {
    required: "Please answer this question.",
    empty: "Please answer at least one question.",
    tooLong: "Please shorten your answer to 5,000 characters.",
    hidden: "This question does not apply to your other answers.",
    invalid: "Please choose one of the answers shown.",
  },
};

const de: UiText = {
  title: "Ihr Feedback",
  intro: "{org} möchte gern von Ihnen hören. Es dauert weniger als eine Minute.",
  required: "Pflichtfeld",
  submit: "Senden",
  sending: "Wird gesendet…",
  thanksTitle: "Vielen Dank!",
  thanksBody: "Ihre Antworten wurden gespeichert.",
  alreadyDone: "Sie haben diese Umfrage bereits beantwortet. Vielen Dank!",
  errorSummary: "Bitte prüfen Sie die markierten Antworten.",
  genericError: "Ihre Antworten konnten nicht gesendet werden. Bitte versuchen Sie es erneut.",
  rateLimited: "Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es erneut.",
  closedTitle: "Diese Umfrage ist beendet",
  closedBody: "Vielen Dank für Ihr Interesse. Es werden keine Antworten mehr angenommen.",
  optedOutTitle: "Sie erhalten keine Umfragen",
  optedOutBody: "Sie haben Umfragen abgelehnt, deshalb gibt es hier nichts zu beantworten. Vielen Dank.",
  notFoundTitle: "Umfrage nicht gefunden",
  notFoundBody: "Der Link ist vielleicht unvollständig, oder die Umfrage ist nicht verfügbar.",
  yes: "Ja",
  no: "Nein",
  textHint: "Bis zu 5.000 Zeichen.",
  language: "Sprache",
  scale: {
    nps: ["Überhaupt nicht wahrscheinlich", "Äußerst wahrscheinlich"],
    csat: ["Sehr unzufrieden", "Sehr zufrieden"],
    ces: ["Stimme überhaupt nicht zu", "Stimme voll und ganz zu"],
  },
  issues: {
    required: "Bitte beantworten Sie diese Frage.",
    empty: "Bitte beantworten Sie mindestens eine Frage.",
    tooLong: "Bitte kürzen Sie Ihre Antwort auf 5.000 Zeichen.",
    hidden: "Diese Frage passt nicht zu Ihren anderen Antworten.",
    invalid: "Bitte wählen Sie eine der angezeigten Antworten.",
  },
};

const fr: UiText = {
  title: "Votre avis",
  intro: "{org} aimerait avoir votre avis. Cela prend moins d'une minute.",
  required: "Obligatoire",
  submit: "Envoyer",
  sending: "Envoi…",
  thanksTitle: "Merci !",
  thanksBody: "Vos réponses ont été enregistrées.",
  alreadyDone: "Vous avez déjà répondu à cette enquête. Merci !",
  errorSummary: "Veuillez vérifier les réponses signalées.",
  genericError: "Vos réponses n'ont pas pu être envoyées. Veuillez réessayer.",
  rateLimited: "Trop de tentatives. Veuillez patienter une minute et réessayer.",
  closedTitle: "Cette enquête est terminée",
  closedBody: "Merci de votre intérêt. Les réponses ne sont plus collectées.",
  optedOutTitle: "Vous avez refusé les enquêtes",
  optedOutBody: "Vous nous avez demandé de ne pas vous envoyer d’enquêtes : il n’y a rien à remplir ici. Merci.",
  notFoundTitle: "Enquête introuvable",
  notFoundBody: "Le lien est peut-être incomplet, ou l'enquête n'est pas disponible.",
  yes: "Oui",
  no: "Non",
  textHint: "Jusqu'à 5 000 caractères.",
  language: "Langue",
  scale: {
    nps: ["Pas du tout probable", "Extrêmement probable"],
    csat: ["Très insatisfait", "Très satisfait"],
    ces: ["Pas du tout d'accord", "Tout à fait d'accord"],
  },
  issues: {
    required: "Veuillez répondre à cette question.",
    empty: "Veuillez répondre à au moins une question.",
    tooLong: "Veuillez raccourcir votre réponse à 5 000 caractères.",
    hidden: "Cette question ne s'applique pas à vos autres réponses.",
    invalid: "Veuillez choisir l'une des réponses proposées.",
  },
};

const es: UiText = {
  title: "Su opinión",
  intro: "A {org} le gustaría conocer su opinión. Le llevará menos de un minuto.",
  required: "Obligatoria",
  submit: "Enviar",
  sending: "Enviando…",
  thanksTitle: "¡Gracias!",
  thanksBody: "Sus respuestas se han registrado.",
  alreadyDone: "Ya ha respondido a esta encuesta. ¡Gracias!",
  errorSummary: "Revise las respuestas marcadas.",
  genericError: "No se pudieron enviar sus respuestas. Inténtelo de nuevo.",
  rateLimited: "Demasiados intentos. Espere un minuto e inténtelo de nuevo.",
  closedTitle: "Esta encuesta ha finalizado",
  closedBody: "Gracias por su interés. Ya no se recogen respuestas.",
  optedOutTitle: "Ha rechazado las encuestas",
  optedOutBody: "Nos pidió no enviarle encuestas, así que aquí no hay nada que responder. Gracias.",
  notFoundTitle: "Encuesta no encontrada",
  notFoundBody: "Puede que el enlace esté incompleto o que la encuesta no esté disponible.",
  yes: "Sí",
  no: "No",
  textHint: "Hasta 5.000 caracteres.",
  language: "Idioma",
  scale: {
    nps: ["Nada probable", "Extremadamente probable"],
    csat: ["Muy insatisfecho", "Muy satisfecho"],
    ces: ["Totalmente en desacuerdo", "Totalmente de acuerdo"],
  },
  issues: {
    required: "Responda a esta pregunta.",
    empty: "Responda al menos a una pregunta.",
    tooLong: "Acorte su respuesta a 5.000 caracteres.",
    hidden: "Esta pregunta no corresponde a sus otras respuestas.",
    invalid: "Elija una de las respuestas mostradas.",
  },
};

const TEXTS: Record<string, UiText> = { en, de, fr, es };
export const UI_LOCALES = Object.keys(TEXTS);

/** The strings for a locale: exact, by primary language (de-AT → de), else English. */
export function uiText(locale: string): UiText {
  return TEXTS[locale] ?? TEXTS[locale.split("-")[0].toLowerCase()] ?? en;
}

/** The message shown next to a field for an issue the server found. */
export function issueMessage(text: UiText, code: AnswerIssueCode): string {
  if (code === "required") return text.issues.required;
  if (code === "too_long") return text.issues.tooLong;
  if (code === "hidden") return text.issues.hidden;
  return text.issues.invalid;
}
