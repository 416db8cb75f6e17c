// zod schemas of the taxonomy API (/api/v1/text/themes, docs/text-analytics.md "An organization's taxonomy"), shared
// with Settings → Text analytics. Each bad phrase is named by its place ("phrases.de.3").
import { z } from "zod";

export const THEME_LANGUAGES = ["en", "de"] as const;
export type ThemeLanguage = (typeof THEME_LANGUAGES)[number];
export const MAX_PHRASES = 200;
/** Themes per organization (archived ones count: they can be restored). */
export const MAX_THEMES = 200;

/**
 * A phrase: one or more words, matched on stems; a single word may start and/or end with "*" to match part of a word
 * (German compounds: "*gebühr*"), with at least 3 letters besides.
 */
const phrase = z
  .string()
  .trim()
  .min(1, "Write a word or phrase")
  .max(80, "At most 80 characters")
  .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), "No control characters")
  .refine((p) => !p.includes("*") || /^\*?[^\s*]+\*?$/.test(p), 'Only one word with "*" at its start or end')
  .refine((p) => !p.includes("*") || p.replace(/[*-]/g, "").length >= 3, 'At least 3 letters besides "*"');

const phraseList = z
  .array(phrase)
  .max(MAX_PHRASES, `At most ${MAX_PHRASES} phrases per language`)
  .superRefine((list, c) => {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      const k = p.toLowerCase().replace(/\s+/g, " ");
      if (seen.has(k)) c.addIssue({ code: "custom", message: "Listed twice", path: [i] });
      seen.add(k);
    });
  });

export const themePhrases = z.strictObject({ en: phraseList.default([]), de: phraseList.default([]) });

const fields = {
  /** Stable identifier (what stored matches name): lower-case letters, digits and hyphens. Never changes. */
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Lower-case letters, digits and hyphens, at most 40"),
  name: z.string().trim().min(1, "Name the theme").max(60, "At most 60 characters"),
  phrases: themePhrases,
};

export const createThemeSchema = z.strictObject(fields);
export type CreateThemeInput = z.infer<typeof createThemeSchema>;

export const updateThemeSchema = z
  .strictObject({
    name: fields.name.optional(),
    phrases: themePhrases.optional(),
    /** true: kept, but matches nothing (its key stays reserved). */
    archived: z.boolean({ error: "true or false" }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Change name, phrases or archived", path: ["name"] });
export type UpdateThemeInput = z.infer<typeof updateThemeSchema>;
