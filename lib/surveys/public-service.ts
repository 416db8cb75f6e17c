// The respondent's side of surveys: no signed-in user, so every function takes the survey's publicId and
// derives the organization from the survey itself — never from the request. Used by the public API
// (/api/v1/public/surveys/**) and the hosted survey page (/s/[publicId]).
//
// Status: live → served; draft or unknown → 404 (as if it did not exist); closed → 410 (see errors.ts).
import { NotFoundError } from "../errors";
import { enforce, perClientLimit, RateLimitedError } from "../rate-limit/service";
import { validateAnswers } from "./answers";
import { submitToBatch } from "./ingest-batch";
import type { ShowIf } from "./logic";
import { localizedText, negotiateLocale } from "./locale";
import type { PublicResponseInput, ResponseMeta, VerifiedResponseInput } from "./public-schema";
import { isMetric, toQuestionDef, type QuestionType } from "./question-schema";
import { saveResponse, type PublicResponse } from "./response-store";
import { parseSurveySettings } from "./settings";
import { SurveyClosedError, UnknownContextError } from "./errors";
import { surveyByPublicId, type CachedSurvey } from "./survey-cache";
import { uiText } from "./ui-text";
import { CustomerOptedOutError } from "../privacy/consent";
import { resolveCustomerIdentity, verifiedOptOut } from "./customer-identity";
import { takeWidgetContact } from "../campaigns/widget-contact";
import { verifiedAttribution } from "../journeys/qr-link";

const MINUTE = 60_000;

export type PublicQuestion = {
  key: string;
  type: QuestionType;
  required: boolean;
  /** The question whose score is the survey's headline (what a ?score= link prefills). */
  headline: boolean;
  text: string;
  scale?: { min: number; max: number; minLabel: string | null; maxLabel: string | null };
  options?: { key: string; label: string }[];
  showIf?: ShowIf;
};

export type PublicSurvey = {
  publicId: string;
  type: string;
  locale: string;
  defaultLocale: string;
  languages: string[];
  organization: { name: string };
  questions: PublicQuestion[];
  /** Localized words around the questions, for embeds that render the survey themselves. */
  strings: {
    title: string;
    intro: string;
    required: string;
    submit: string;
    sending: string;
    thanksTitle: string;
    thanksBody: string;
    yes: string;
    no: string;
  };
};

/** The survey if respondents may see it: draft or unknown → 404 (as if it did not exist); closed → 410. */
async function loadLiveSurvey(publicId: string, opts: { fresh?: boolean } = {}): Promise<CachedSurvey> {
  const survey = await surveyByPublicId(publicId, opts);
  if (!survey || (survey.status !== "live" && survey.status !== "closed")) throw new NotFoundError("Survey");
  if (survey.status === "closed") throw new SurveyClosedError();
  return survey;
}

function surveyLanguages(json: unknown, defaultLocale: string): string[] {
  const list = Array.isArray(json)
    ? json.filter((l): l is string => typeof l === "string" && l.length > 0 && l.length <= 35)
    : [];
  return list.includes(defaultLocale) ? list : [defaultLocale, ...list];
}

/** A live survey as respondents see it, in the best of its languages for `?lang=` / Accept-Language. */
export async function getPublicSurvey(
  publicId: string,
  acceptLanguage?: string | null,
  lang?: string | null,
): Promise<PublicSurvey> {
  const s = await loadLiveSurvey(publicId);
  const languages = surveyLanguages(s.languages, s.defaultLocale);
  const locale = negotiateLocale({ explicit: lang, acceptLanguage, available: languages, fallback: s.defaultLocale });
  const ui = uiText(locale);
  const questions: PublicQuestion[] = [];
  for (const row of s.questions) {
    const q = toQuestionDef(row, s.type);
    if (!q) continue;
    const out: PublicQuestion = {
      key: q.key,
      type: q.type,
      required: q.required,
      headline: q.headline,
      text: localizedText(row.text, locale, s.defaultLocale),
    };
    if (q.scale) {
      const ends = q.headline && isMetric(s.type) ? ui.scale[s.type] : null;
      out.scale = { ...q.scale, minLabel: ends?.[0] ?? null, maxLabel: ends?.[1] ?? null };
    }
    if (q.type === "single_choice" || q.type === "multi_choice") {
      out.options = q.options.map((o) => ({ key: o.key, label: localizedText(o.label, locale, s.defaultLocale) }));
    }
    if (q.showIf) out.showIf = q.showIf;
    questions.push(out);
  }
  return {
    publicId: s.publicId,
    type: s.type,
    locale,
    defaultLocale: s.defaultLocale,
    languages,
    organization: { name: s.org.name },
    questions,
    strings: {
      title: ui.title,
      intro: ui.intro.replace("{org}", s.org.name),
      required: ui.required,
      submit: ui.submit,
      sending: ui.sending,
      thanksTitle: ui.thanksTitle,
      thanksBody: ui.thanksBody,
      yes: ui.yes,
      no: ui.no,
    },
  };
}

/**
 * Whether a survey may be shown to this customer: false only when a valid customer token names a customer of
 * the survey's organization who opted out. Without a valid token the answer is true, as for a customer nobody
 * knows, so that no one learns from it who exists or opted out. The widget asks before it shows anything
 * (GET ?customer=&customerToken=); the hosted page with ?cid=&ct=.
 */
export async function customerMayAnswer(
  publicId: string,
  customerExternalId: string | null | undefined,
  customerToken: string | null | undefined,
  field?: { name: string; in: "body" | "query" },
): Promise<boolean> {
  if (!customerExternalId && !customerToken) return true;
  const s = await loadLiveSurvey(publicId);
  return !(await verifiedOptOut(s.orgId, await resolveCustomerIdentity(s, customerExternalId, customerToken, field)));
}

/**
 * What the widget's GET answers an identified visitor: "opted_out" as customerMayAnswer says, "not_now" when the
 * organization's frequency cap forbids showing this survey to that customer now (lib/campaigns/widget-contact.ts;
 * a show that is allowed is recorded as their contact), else "eligible" — as for every visitor without a valid
 * token, whose claim is never checked against anyone's history.
 */
export async function widgetEligibility(
  publicId: string,
  customerExternalId: string | null | undefined,
  customerToken: string | null | undefined,
  field?: { name: string; in: "body" | "query" },
): Promise<"eligible" | "opted_out" | "not_now"> {
  if (!customerExternalId && !customerToken) return "eligible";
  const s = await loadLiveSurvey(publicId);
  const identity = await resolveCustomerIdentity(s, customerExternalId, customerToken, field);
  if (await verifiedOptOut(s.orgId, identity)) return "opted_out";
  if (identity.verified && !(await takeWidgetContact(s.orgId, s.id, identity.verified))) return "not_now";
  return "eligible";
}

/** The origins allowed to call the public API for this survey (CORS); null when there is no such survey. */
export async function allowedOriginsForSurvey(publicId: string): Promise<string[] | null> {
  const s = await surveyByPublicId(publicId);
  return s ? parseSurveySettings(s.settings).allowedOrigins : null;
}

/**
 * Stores (or continues) a respondent's response. Rate limited per respondent and per survey in the
 * database. A new, valid response goes into the next ingestion batch (ingest-batch.ts: group commit); a
 * retry, the rest of a partial response, or anything the batch hands back is validated, merged and written
 * in its own transaction by response-store.ts, which documents the idempotency and partial-completion
 * rules. Returns created = true only for a new response (with its resume token; any other answer is only
 * { clientId, completed }).
 */
export async function submitPublicResponse(
  publicId: string,
  raw: PublicResponseInput,
  meta: ResponseMeta,
): Promise<{ response: PublicResponse; created: boolean }> {
  let survey = await loadLiveSurvey(publicId);
  const { customerToken, customerExternalId, qrSignature, ...claimed } = raw;
  const identity = await resolveCustomerIdentity(survey, customerExternalId, customerToken);
  // A verified customer who opted out gets no survey: nothing is stored for them (403, problem+json).
  if (await verifiedOptOut(survey.orgId, identity)) throw new CustomerOptedOutError();
  const input: VerifiedResponseInput = {
    // The channel "qr" only through a signed QR link; an unsigned claim is dropped (lib/journeys/qr-link.ts).
    ...verifiedAttribution(publicId, claimed, qrSignature),
    ...(identity.verified ? { customerExternalId: identity.verified } : {}),
    ...(identity.claim ? { customerClaim: identity.claim } : {}),
  };
  const limitsOf = (settings: unknown) => {
    const { rateLimit } = parseSurveySettings(settings);
    return [
      // Per client address (docs/security/limits.md): never the User-Agent, which the client picks.
      ...perClientLimit(`public-response:${survey.id}`, meta.ip, {
        limit: rateLimit.perClientPerMinute,
        windowMs: MINUTE,
      }),
      { key: `public-response:${survey.id}`, limit: rateLimit.perSurveyPerMinute, windowMs: MINUTE },
      // Infinity only when the operator turned the limits off (RESONANCE_PUBLIC_RATE_LIMITS=off): nothing to count.
    ].filter((l) => Number.isFinite(l.limit));
  };
  let counted = false;
  const asNew = validateAnswers(survey, input.answers, { complete: input.complete });
  if (asNew.ok) {
    const outcome = await submitToBatch({
      survey,
      input,
      meta,
      answers: asNew.answers,
      limits: limitsOf(survey.settings),
    });
    if (outcome.kind === "created") return { response: outcome.response, created: true };
    if (outcome.kind === "rate_limited") throw new RateLimitedError(outcome.retryAfterSeconds);
    if (outcome.kind === "unknown_context") throw new UnknownContextError(outcome.fields);
    counted = outcome.counted;
    survey = await loadLiveSurvey(publicId, { fresh: true }); // it may have changed: decide on the stored one
  }
  if (!counted) await enforce(limitsOf(survey.settings));
  return saveResponse(survey, input, meta);
}

export type { PublicResponse };
