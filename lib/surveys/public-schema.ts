// zod schemas of the public survey API (/api/v1/public/**), shared by the route handlers and the hosted
// survey page. Answers are checked here only for being an object: their values are validated against the
// survey's questions (answers.ts), so that every bad answer is named as answers.<key>.
import { z } from "zod";
import { normalizeLocale } from "./locale";

export const publicIdParams = z.object({
  publicId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid survey id"),
});

const locale = z
  .string()
  .max(35)
  .transform(
    (v, ctx) =>
      normalizeLocale(v) ?? (ctx.addIssue({ code: "custom", message: "Not a language tag (e.g. en, de-CH)" }), z.NEVER),
  );

export const publicSurveyQuery = z.object({
  lang: locale.optional(),
  /** The customer's external id, when the embed knows it; it counts only with a valid customerToken. */
  customer: z.string().trim().min(1).max(200).optional(),
  /** The customer token for this survey and `customer` (docs/security/signed-customer-token.md): with it, a customer who opted out gets `{ eligible: false }`. */
  customerToken: z.string().min(1).max(100).optional(),
});

// A lone UTF-16 surrogate cannot be stored (both databases keep UTF-8 and write U+FFFD instead): replaced
// here, before validation, so that what is validated, echoed in the 201 and stored is the same text.
const wellFormed = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed();
const wellFormedValue = (v: unknown): unknown =>
  typeof v === "string" ? wellFormed(v) : Array.isArray(v) ? v.map(wellFormedValue) : v;

const answersObject = z
  .custom<Record<string, unknown>>(
    (v) => v !== null && typeof v === "object" && !Array.isArray(v),
    "Expected an object of answers keyed by question key",
  )
  .transform((answers) => Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, wellFormedValue(v)])));

export const publicResponseInput = z.strictObject({
  /** The client's idempotency key: the same key again continues or replays the same response. */
  clientId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[\x21-\x7e]+$/, "Use printable ASCII without spaces"),
  answers: answersObject,
  /**
   * The secret the first submit of this clientId returned (201 `resumeToken`): required to continue or
   * complete that response later. Without it only an identical replay of a completed response is answered.
   */
  resumeToken: z.string().min(1).max(100).optional(),
  /** false saves what is there (e.g. only the score) and lets a later submit with the same clientId add to it. */
  complete: z.boolean(),
  /** The customer's id in the company's own systems. Linked to that customer only with a valid customerToken; otherwise kept as an unverified claim. */
  customerExternalId: z.string().trim().min(1).max(200).optional(),
  /** "<expiry>.<signature>": an HMAC of (survey, customerExternalId, expiry) by the organization's secret (docs/security/signed-customer-token.md). */
  customerToken: z.string().min(1).max(100).optional(),
  touchpointId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id")
    .optional(),
  /** An organization channel key (web, email, mobile_app, …); default web. */
  channel: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[a-z0-9_-]+$/i, "Not a channel key")
    .optional(),
  /** The signature of a QR code's link (its `sig`): what lets an answer claim the channel "qr" (lib/journeys/qr-link.ts). */
  qrSignature: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/, "Not a QR link signature")
    .optional(),
  locale: locale.optional(),
  /** The page the survey was answered on; only its origin and path are kept (queries may carry personal data). */
  pageUrl: z
    .url({ protocol: /^https?$/, error: "Expected an http(s) URL" })
    .max(2000)
    .optional(),
});
export type PublicResponseInput = z.infer<typeof publicResponseInput>;
/**
 * What the response store receives (customer-identity.ts): customerExternalId only when a token vouched for
 * it, an unvouched one as customerClaim.
 */
export type VerifiedResponseInput = Omit<PublicResponseInput, "customerToken" | "qrSignature"> & {
  customerClaim?: string;
};

export type ResponseMeta = { userAgent: string | null; ip: string | null };
