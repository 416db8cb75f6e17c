// Starting points for a new survey: NPS, CSAT, CES 2.0, SERVQUAL and an empty custom survey. Texts ship in
// English and German; a survey created in another language gets the default-locale text copied into it
// (see textsFor), to be translated in the editor. Pure data, also used by the "new survey" page.
import { SERVQUAL_DIMENSIONS } from "../journeys/schema";
import type { QuestionDraft } from "./builder-schema";

export const TEMPLATE_IDS = ["nps", "csat", "ces", "servqual", "custom"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export type Texts = Record<string, string>;

export const TEMPLATE_LANGUAGES = ["en", "de"] as const;

export type Template = { id: TemplateId; name: string; description: string; questions: QuestionDraft[] };

type QuestionSeed = Pick<QuestionDraft, "key" | "type" | "text"> & Partial<QuestionDraft>;

function question(seed: QuestionSeed): QuestionDraft {
  return {
    required: false,
    headline: false,
    scaleMin: null,
    scaleMax: null,
    options: [],
    showIf: null,
    servqualDimension: null,
    servqualRole: null,
    ...seed,
  };
}

const headline = (key: string, min: number, max: number, text: Texts) =>
  question({ key, type: "score", required: true, headline: true, scaleMin: min, scaleMax: max, text });

const REASON: Texts = {
  en: "What is the main reason for your score?",
  de: "Was ist der wichtigste Grund für Ihre Bewertung?",
};

// Parasuraman, Zeithaml & Berry's item wording, one expectation and one perception item per dimension.
const SERVQUAL_ITEMS: Record<(typeof SERVQUAL_DIMENSIONS)[number], { expectation: Texts; perception: Texts }> = {
  tangibles: {
    expectation: {
      en: "Excellent companies have modern-looking equipment and visually appealing facilities.",
      de: "Exzellente Unternehmen haben eine moderne Ausstattung und ansprechende Räumlichkeiten.",
    },
    perception: {
      en: "This company has modern-looking equipment and visually appealing facilities.",
      de: "Dieses Unternehmen hat eine moderne Ausstattung und ansprechende Räumlichkeiten.",
    },
  },
  reliability: {
    expectation: {
      en: "When excellent companies promise to do something by a certain time, they do so.",
      de: "Wenn exzellente Unternehmen etwas bis zu einem bestimmten Zeitpunkt versprechen, halten sie es ein.",
    },
    perception: {
      en: "When this company promises to do something by a certain time, it does so.",
      de: "Wenn dieses Unternehmen etwas bis zu einem bestimmten Zeitpunkt verspricht, hält es das ein.",
    },
  },
  responsiveness: {
    expectation: {
      en: "Employees of excellent companies give customers prompt service.",
      de: "Die Mitarbeitenden exzellenter Unternehmen bedienen Kunden zügig.",
    },
    perception: {
      en: "Employees of this company give you prompt service.",
      de: "Die Mitarbeitenden dieses Unternehmens bedienen Sie zügig.",
    },
  },
  assurance: {
    expectation: {
      en: "The behaviour of employees of excellent companies instils confidence in customers.",
      de: "Das Verhalten der Mitarbeitenden exzellenter Unternehmen schafft Vertrauen bei Kunden.",
    },
    perception: {
      en: "The behaviour of this company's employees instils confidence in you.",
      de: "Das Verhalten der Mitarbeitenden dieses Unternehmens schafft Vertrauen bei Ihnen.",
    },
  },
  empathy: {
    expectation: {
      en: "Excellent companies give customers individual attention.",
      de: "Exzellente Unternehmen widmen Kunden individuelle Aufmerksamkeit.",
    },
    perception: {
      en: "This company gives you individual attention.",
      de: "Dieses Unternehmen widmet Ihnen individuelle Aufmerksamkeit.",
    },
  },
};

function servqualQuestions(): QuestionDraft[] {
  const roles = ["expectation", "perception"] as const;
  return roles.flatMap((role) =>
    SERVQUAL_DIMENSIONS.map((dimension) =>
      question({
        key: `${role === "expectation" ? "exp" : "per"}_${dimension}`,
        type: "score",
        required: true,
        scaleMin: 1,
        scaleMax: 7,
        text: SERVQUAL_ITEMS[dimension][role],
        servqualDimension: dimension,
        servqualRole: role,
      }),
    ),
  );
}

export const TEMPLATES: Record<TemplateId, Template> = {
  nps: {
    id: "nps",
    name: "Net Promoter Score",
    description: "0–10 likelihood to recommend, the reason, and what went wrong for detractors.",
    questions: [
      headline("nps", 0, 10, {
        en: "How likely are you to recommend us to a friend or colleague?",
        de: "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?",
      }),
      question({ key: "reason", type: "text", text: REASON }),
      question({
        key: "what_went_wrong",
        type: "text",
        text: { en: "What went wrong?", de: "Was ist schiefgelaufen?" },
        showIf: { question: "nps", lte: 6 },
      }),
    ],
  },
  csat: {
    id: "csat",
    name: "Customer satisfaction (CSAT)",
    description: "1–5 satisfaction with the experience and an optional comment.",
    questions: [
      headline("csat", 1, 5, {
        en: "How satisfied were you with your experience?",
        de: "Wie zufrieden waren Sie mit Ihrer Erfahrung?",
      }),
      question({ key: "reason", type: "text", text: REASON }),
    ],
  },
  ces: {
    id: "ces",
    name: "Customer effort (CES 2.0)",
    description: "1–7 agreement that the company made it easy to handle the issue.",
    questions: [
      headline("ces", 1, 7, {
        en: "The company made it easy for me to handle my issue.",
        de: "Das Unternehmen hat es mir leicht gemacht, mein Anliegen zu erledigen.",
      }),
      question({
        key: "reason",
        type: "text",
        text: { en: "What made it easy or difficult?", de: "Was hat es leicht oder schwer gemacht?" },
      }),
    ],
  },
  servqual: {
    id: "servqual",
    name: "SERVQUAL gap",
    description: "Expectation and perception items (1–7) for the five service-quality dimensions.",
    questions: servqualQuestions(),
  },
  custom: { id: "custom", name: "Custom", description: "Start empty and add your own questions.", questions: [] },
};

/** The text for each survey language: the template's own where it has one, else the default locale's. */
export function textsFor(texts: Texts, languages: readonly string[], defaultLocale: string): Texts {
  const fallback = texts[defaultLocale] ?? texts[defaultLocale.split("-")[0]] ?? texts.en ?? "";
  return Object.fromEntries(languages.map((l) => [l, texts[l] ?? texts[l.split("-")[0]] ?? fallback]));
}

/** A template's questions with texts in exactly the survey's languages. */
export function templateQuestions(
  id: TemplateId,
  languages: readonly string[],
  defaultLocale: string,
): QuestionDraft[] {
  return TEMPLATES[id].questions.map((q) => ({
    ...q,
    text: textsFor(q.text, languages, defaultLocale),
    options: q.options.map((o) => ({ ...o, label: textsFor(o.label, languages, defaultLocale) })),
  }));
}
