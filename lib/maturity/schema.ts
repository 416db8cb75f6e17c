// Input of a maturity self-assessment, checked against the model's rules (lib/maturity/model.ts): every question
// answered with an integer 1–4, no unknown keys. Each bad answer is named answers.<key>.
import { z } from "zod";
import { MATURITY_QUESTIONS, type Answers } from "./model";

const KEYS = new Set(MATURITY_QUESTIONS.map((q) => q.key));

export const answersSchema = z
  .record(z.string(), z.unknown())
  .superRefine((answers, ctx) => {
    for (const q of MATURITY_QUESTIONS) {
      const a = answers[q.key];
      if (a === undefined || a === null || a === "")
        ctx.addIssue({ code: "custom", path: [q.key], message: "Answer this question (1–4)." });
      else if (!(Number.isInteger(a) && (a as number) >= 1 && (a as number) <= 4))
        ctx.addIssue({ code: "custom", path: [q.key], message: "The answer must be a whole number from 1 to 4." });
    }
    for (const key of Object.keys(answers))
      if (!KEYS.has(key)) ctx.addIssue({ code: "custom", path: [key], message: "There is no such question." });
  })
  .transform((answers) => answers as Answers);

export const saveAssessmentSchema = z.object({ answers: answersSchema });
export type SaveAssessmentInput = z.input<typeof saveAssessmentSchema>;
