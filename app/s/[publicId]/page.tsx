// /s/:publicId — the hosted (link) survey for customers: no login, server-rendered in the respondent's
// language (?lang=, else Accept-Language), one small client form. Link parameters: ?score= prefills and
// saves the headline score, ?cid= the customer's external id with ?ct= its customer token (without a valid
// token the id is only an unverified claim: docs/security/signed-customer-token.md; a verified customer who
// opted out sees no form), ?tp= a touchpoint id, ?ch= a channel key (the channel "qr" only with the QR code's
// ?sig=, checked when the answer is stored: lib/journeys/qr-link.ts), ?rid= with ?rt= the one response of an
// invitation (its client id and resume token, from the /i/ redirect: lib/campaigns/links.ts).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NotFoundError } from "@/lib/errors";
import { SurveyClosedError } from "@/lib/surveys/errors";
import { negotiateLocale } from "@/lib/surveys/locale";
import { publicIdParams, publicResponseInput, publicSurveyQuery } from "@/lib/surveys/public-schema";
import { customerMayAnswer, getPublicSurvey, type PublicSurvey } from "@/lib/surveys/public-service";
import { UI_LOCALES, uiText } from "@/lib/surveys/ui-text";
import { invitationOfClientId } from "@/lib/campaigns/link-token";
import { SurveyForm } from "@/components/survey-form/survey-form";
import { SurveyPageShell } from "@/components/survey-form/survey-page-shell";
import { submitHostedSurvey } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ publicId: string }>; searchParams: Promise<SearchParams> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const field = publicResponseInput.shape;

// One database read per request, shared by generateMetadata and the page.
const load = cache(
  async (publicId: string, lang: string | undefined): Promise<{ survey: PublicSurvey } | { closed: string } | null> => {
    if (!publicIdParams.safeParse({ publicId }).success) return null;
    const acceptLanguage = (await headers()).get("accept-language");
    try {
      return { survey: await getPublicSurvey(publicId, acceptLanguage, lang) };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      if (error instanceof SurveyClosedError)
        return { closed: negotiateLocale({ explicit: lang, acceptLanguage, available: UI_LOCALES, fallback: "en" }) };
      throw error;
    }
  },
);

async function resolve({ params, searchParams }: Props) {
  const [{ publicId }, sp] = await Promise.all([params, searchParams]);
  const lang = publicSurveyQuery.shape.lang.safeParse(first(sp.lang)).data;
  return { publicId, sp, result: await load(publicId, lang) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { result } = await resolve(props);
  const title =
    result && "survey" in result ? `${result.survey.strings.title} · ${result.survey.organization.name}` : "Survey";
  return { title: { absolute: title }, robots: { index: false, follow: false } };
}

function prefillFor(survey: PublicSurvey, raw: string | undefined): Record<string, number> {
  const q =
    survey.questions.find((x) => x.headline && x.type === "score") ?? survey.questions.find((x) => x.type === "score");
  if (!q?.scale || !raw || !/^\d{1,3}$/.test(raw)) return {};
  const score = Number(raw);
  return score >= q.scale.min && score <= q.scale.max ? { [q.key]: score } : {};
}

function languageLinks(publicId: string, sp: SearchParams, survey: PublicSurvey) {
  return survey.languages.map((locale) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== "lang" && typeof v === "string") query.set(k, v);
    query.set("lang", locale);
    let name = locale;
    try {
      name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
    } catch {
      /* an unusual tag: show it as is */
    }
    return {
      locale,
      name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1),
      href: `/s/${publicId}?${query}`,
      current: locale === survey.locale,
    };
  });
}

export default async function HostedSurveyPage(props: Props) {
  const { publicId, sp, result } = await resolve(props);
  if (!result) notFound();
  if ("closed" in result) {
    const t = uiText(result.closed);
    return <SurveyPageShell locale={result.closed} title={t.closedTitle} intro={t.closedBody} />;
  }
  const { survey } = result;
  const t = uiText(survey.locale);
  const customerExternalId = field.customerExternalId.safeParse(first(sp.cid)).data;
  const context = {
    customerExternalId,
    customerToken: customerExternalId ? field.customerToken.safeParse(first(sp.ct)).data : undefined,
    touchpointId: field.touchpointId.safeParse(first(sp.tp)).data,
    channel: field.channel.safeParse(first(sp.ch)).data,
    qrSignature: field.qrSignature.safeParse(first(sp.sig)).data,
  };
  // Only a client id derived from an invitation (its MAC checks out) names the invitation's response.
  const rid = field.clientId.safeParse(first(sp.rid)).data;
  const rt = field.resumeToken.safeParse(first(sp.rt)).data;
  const response = rid && rt && invitationOfClientId(rid) ? { clientId: rid, resumeToken: rt } : undefined;
  // A signed link of a customer who opted out of surveys shows no form (and the submit would refuse anyway);
  // an unsigned ?cid= shows the form, as for a customer nobody knows.
  if (!(await customerMayAnswer(publicId, context.customerExternalId, context.customerToken))) {
    return (
      <SurveyPageShell
        locale={survey.locale}
        organization={survey.organization.name}
        title={t.optedOutTitle}
        intro={t.optedOutBody}
      />
    );
  }
  return (
    <SurveyPageShell
      locale={survey.locale}
      organization={survey.organization.name}
      title={survey.strings.title}
      intro={survey.strings.intro}
      languages={languageLinks(publicId, sp, survey)}
      languageLabel={t.language}
    >
      <SurveyForm
        publicId={publicId}
        locale={survey.locale}
        questions={survey.questions}
        strings={{ ...survey.strings, alreadyDone: t.alreadyDone, genericError: t.genericError, textHint: t.textHint }}
        prefill={prefillFor(survey, first(sp.score))}
        context={Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined))}
        response={response}
        submit={submitHostedSurvey.bind(null, publicId)}
      />
    </SurveyPageShell>
  );
}
