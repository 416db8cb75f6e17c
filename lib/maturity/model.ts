// The CEM maturity self-assessment (the discipline's four-level maturity model: Ad Hoc, Processed, Integrated,
// Optimized). Ten questions across six dimensions, each answered 1–4, where answer k describes an organization
// at level k. Pure data and maths, no I/O.
//
// Scoring (pinned by model.test.ts):
// - score = the mean of the ten answers (every question must be answered), rounded to 2 decimals for display only;
// - level by score: Ad Hoc if score < 1.75; Processed if 1.75 ≤ score < 2.5; Integrated if 2.5 ≤ score < 3.25;
//   Optimized if score ≥ 3.25. The cut points sit three quarters of the way from one level's answer to the next
//   (1.75, 2.5, 3.25 are 1 + 0.75·k), so a level is reached only when most answers are at it or above.
// - Evidence from the data implies a level per figure: a share below 25 % → 1, below 50 % → 2, below 75 % → 3,
//   else 4. A question that has evidence "disagrees" when its answer and the implied level differ by 2 or more
//   (one level apart is within the honest uncertainty of a self-assessment).
export const MATURITY_LEVELS = ["ad_hoc", "processed", "integrated", "optimized"] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];
export const LEVEL_NAMES: Record<MaturityLevel, string> = {
  ad_hoc: "Ad Hoc",
  processed: "Processed",
  integrated: "Integrated",
  optimized: "Optimized",
};

export const MATURITY_DIMENSIONS = [
  "strategy",
  "understanding",
  "design",
  "measurement",
  "governance",
  "culture",
] as const;
export type MaturityDimension = (typeof MATURITY_DIMENSIONS)[number];
export const DIMENSION_NAMES: Record<MaturityDimension, string> = {
  strategy: "Strategy",
  understanding: "Customer understanding",
  design: "Experience design",
  measurement: "Measurement",
  governance: "Governance",
  culture: "Culture",
};

export type EvidenceKey = "promised" | "measured" | "closedIn48h" | "liveSurveys";

export type MaturityQuestion = {
  key: string;
  dimension: MaturityDimension;
  text: string;
  /** What answers 1–4 mean, one per level. */
  options: readonly [string, string, string, string];
  /** The figure from Resonance's own data this answer can be checked against. */
  evidence?: EvidenceKey;
};

export const MATURITY_QUESTIONS: readonly MaturityQuestion[] = [
  {
    key: "strategy_vision",
    dimension: "strategy",
    text: "Is there a customer-experience vision that leadership uses to decide?",
    options: ["No written vision", "Written, rarely used", "Used in major decisions", "Drives priorities and budgets"],
  },
  {
    key: "strategy_promise",
    dimension: "strategy",
    text: "Do your touchpoints carry an explicit brand promise with a target?",
    options: ["None do", "A few key ones", "Most do", "All, reviewed regularly"],
    evidence: "promised",
  },
  {
    key: "understanding_journeys",
    dimension: "understanding",
    text: "Are the customer journeys mapped from the customer's side?",
    options: [
      "Not mapped",
      "Mapped once, in a workshop",
      "Maintained and shared",
      "Maintained, measured and used to decide",
    ],
  },
  {
    key: "understanding_voice",
    dimension: "understanding",
    text: "How do you listen to customers?",
    options: [
      "Complaints only",
      "A survey now and then",
      "Continuous surveys at key touchpoints",
      "Continuous, joined with operational data",
    ],
    evidence: "liveSurveys",
  },
  {
    key: "design_changes",
    dimension: "design",
    text: "How are changes to the experience designed?",
    options: [
      "Ad hoc, by each team",
      "With a checklist",
      "Cross-functionally, journey by journey",
      "Tested with customers before and after",
    ],
  },
  {
    key: "measurement_live",
    dimension: "measurement",
    text: "How much of the experience is measured continuously?",
    options: ["Hardly any touchpoint", "A few touchpoints", "Most key touchpoints", "Every active touchpoint"],
    evidence: "measured",
  },
  {
    key: "measurement_gaps",
    dimension: "measurement",
    text: "Do you compare what you promise with what customers perceive?",
    options: ["Never", "Occasionally", "Every quarter, with owners", "Continuously, with priorities set by the gap"],
  },
  {
    key: "governance_owners",
    dimension: "governance",
    text: "Who owns the experience at each touchpoint?",
    options: [
      "Nobody in particular",
      "A central CX person",
      "A named owner per journey",
      "Named owners with targets in their objectives",
    ],
  },
  {
    key: "governance_loop",
    dimension: "governance",
    text: "How fast do you close the loop with unhappy customers?",
    options: [
      "We rarely follow up",
      "Within a week or so",
      "Most within two days",
      "Nearly all within two days, root causes fixed",
    ],
    evidence: "closedIn48h",
  },
  {
    key: "culture_people",
    dimension: "culture",
    text: "Do employees see and act on customer feedback?",
    options: [
      "They never see it",
      "Managers see reports",
      "Teams see their own feedback weekly",
      "Everyone acts on it and is recognised for it",
    ],
  },
];

export type Answers = Record<string, number>;

/** Mean of the answers; throws when a question is missing or an answer is not an integer 1–4. */
export function maturityScore(answers: Answers): number {
  let sum = 0;
  for (const q of MATURITY_QUESTIONS) {
    const a = answers[q.key];
    if (!(Number.isInteger(a) && a >= 1 && a <= 4))
      throw new RangeError(`answer to ${q.key} must be an integer 1–4, got ${a}`);
    sum += a;
  }
  return sum / MATURITY_QUESTIONS.length;
}

/** The level a score reaches (cut points 1.75, 2.5, 3.25; see above). */
export function levelFor(score: number): MaturityLevel {
  if (score < 1.75) return "ad_hoc";
  if (score < 2.5) return "processed";
  if (score < 3.25) return "integrated";
  return "optimized";
}

/** The level (1–4) a share (0–1) of the data implies: < 25 % → 1, < 50 % → 2, < 75 % → 3, else 4. */
export function impliedLevel(share: number): number {
  if (share < 0.25) return 1;
  if (share < 0.5) return 2;
  if (share < 0.75) return 3;
  return 4;
}

export type EvidenceFigure = {
  key: EvidenceKey;
  label: string;
  share: number | null;
  numerator: number;
  denominator: number;
};

export type Disagreement = { question: string; answer: number; implied: number; evidence: EvidenceKey };

/** Questions whose answer is 2 or more levels from what the data implies (evidence without a denominator is skipped). */
export function disagreements(answers: Answers, evidence: readonly EvidenceFigure[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const q of MATURITY_QUESTIONS) {
    if (!q.evidence) continue;
    const e = evidence.find((x) => x.key === q.evidence);
    if (!e || e.share === null) continue;
    const implied = impliedLevel(e.share);
    if (Math.abs(answers[q.key] - implied) >= 2)
      out.push({ question: q.key, answer: answers[q.key], implied, evidence: q.evidence });
  }
  return out;
}
