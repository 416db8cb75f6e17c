// Surveys, responses (with answers) and follow-up cases for the demo organization. CSAT and CES responses
// follow a logged interaction, so their score reflects the touchpoint's real quality, the customer's mood
// and how the interaction felt; relationship NPS follows the organization's trend.
import type { Prisma } from "../generated/sqlite/client";
import type { TouchpointInfo, World } from "./build";
import { weightedPicker } from "../metrics/random";
import { DEFAULT_DIGEST_SETTINGS, latestSlot, weekEndingOf } from "../digest/settings";
import * as T from "./text";

const DAY = 86_400_000;
const MINUTE = 60_000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const RESPONSE_HOURS = [1, 1, 0, 0, 0, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 7, 4, 2];

// Offsets that compensate for the ends of the scale, so that a touchpoint with quality 0 scores about its target.
const CSAT_OFFSET = 0.15;
const CES_OFFSET = 0.1;

export type Metric = "nps" | "csat" | "ces";

/**
 * What happened in the week the demo's latest weekly digest reports on (the seven days before its most recent
 * scheduled send, Monday 08:00 UTC by default), so that the digest and the trends have real, significant changes:
 * - a broadband outage swamps the Support journey's phone and chat lines: CSAT and CES there fall that week;
 * - the rewritten bill explainer (confusing for the four weeks before) lifts the Billing journey that week;
 * - the outage is what English complaints and lukewarm comments of that week are about, on the relationship survey and
 *   in the Support journey (T.OUTAGE_COMMENTS): the share of comments mentioning "Reliability" rises significantly.
 * And for the five weeks before it and the days since, two short pulse surveys ask for CSAT at one touchpoint each: an IVR question
 * at the end of every phone support call (not only the calls staff log) and "Did this explain your bill?" on the
 * bill explainer page. They give those touchpoints enough answers each week to be tested on their own.
 */
export const DEMO_WEEK_STORIES = {
  outage: { journey: "Support", touchpoints: ["Phone support call", "Live chat support", "Phone support call back"] },
  // the explainer page had confused customers since the price change; the rewrite went live at the week's start
  improvement: { journey: "Billing", touchpoint: "Bill explainer page", confusedWeeks: 4 },
  pulses: [
    { touchpoint: "Phone support call", channel: "phone", perWeek: 45 },
    { touchpoint: "Bill explainer page", channel: "web", perWeek: 40 },
  ],
  pulseWeeks: 5,
} as const;
const OUTAGE_SHIFT = { csat: -1.2, ces: -1.4 };
const IMPROVEMENT_SHIFT = { csat: 0.8, ces: 0.8 };
const CONFUSED_SHIFT = { csat: -0.8, ces: -0.8 };

/** The score shift of the week's stories for a CSAT or CES answer at `tp` given at `ms`. */
function storyShift(metric: "csat" | "ces", tp: TouchpointInfo, ms: number, week: { from: number; to: number }) {
  const { outage, improvement } = DEMO_WEEK_STORIES;
  const confusedFrom = week.from - improvement.confusedWeeks * 7 * DAY;
  if (tp.def.name === improvement.touchpoint && ms >= confusedFrom && ms < week.from) return CONFUSED_SHIFT[metric];
  if (ms < week.from || ms >= week.to) return 0;
  if (tp.journey === outage.journey && (outage.touchpoints as readonly string[]).includes(tp.def.name))
    return OUTAGE_SHIFT[metric];
  if (tp.journey === improvement.journey) return IMPROVEMENT_SHIFT[metric];
  return 0;
}

/** The stored category of a headline score, exactly as the schema defines it. */
export function categoryFor(metric: Metric, score: number): string {
  if (metric === "nps") return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  if (metric === "csat") return score >= 4 ? "satisfied" : score === 3 ? "neutral" : "dissatisfied";
  return score >= 5 ? "agree" : score === 4 ? "neutral" : "disagree";
}

function toneFor(category: string): T.Tone {
  if (category === "promoter" || category === "satisfied" || category === "agree") return "praise";
  if (category === "passive" || category === "neutral") return "neutral";
  return "angry";
}

const SURVEYS = [
  { metric: "nps", name: "Relationship NPS", share: 0.4, min: 0, max: 10, comment: "why" },
  { metric: "csat", name: "Support satisfaction", share: 0.35, min: 1, max: 5, comment: "comment" },
  { metric: "ces", name: "Ease of resolution", share: 0.25, min: 1, max: 7, comment: "comment" },
] as const;

const PAGE_URLS = ["/account", "/help", "/billing", "/checkout/complete", "/support/contact"];
const DETRACTOR_SCORES = [0, 1, 2, 3, 4, 5, 6];
const DETRACTOR_WEIGHTS = [9, 6, 8, 11, 14, 22, 30];

export function buildFeedback(w: World, setupAt: Date, csatTouchpointId: string | null) {
  const { rng, orgId, newId } = w;
  const pickDetractor = weightedPicker(DETRACTOR_SCORES, DETRACTOR_WEIGHTS);
  const surveys: Prisma.SurveyCreateManyInput[] = [];
  const questions: Prisma.SurveyQuestionCreateManyInput[] = [];
  const ids = {} as Record<Metric, { survey: string; headline: string; comment: string }>;
  for (const s of SURVEYS) {
    const survey = newId();
    const headline = newId();
    const comment = newId();
    ids[s.metric] = { survey, headline, comment };
    surveys.push({
      id: survey,
      orgId,
      publicId: w.newPublicId(),
      name: s.name,
      type: s.metric,
      status: "live",
      touchpointId: s.metric === "csat" ? csatTouchpointId : null,
      languages: ["en", "de", "fr", "es"],
      defaultLocale: "en",
      version: 1,
      publishedAt: new Date(setupAt.getTime() + 10 * DAY),
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    const base = { orgId, surveyId: survey, createdAt: setupAt };
    questions.push(
      {
        ...base,
        id: headline,
        key: s.metric,
        position: 0,
        type: "score",
        required: true,
        scaleMin: s.min,
        scaleMax: s.max,
        text: T.QUESTION_TEXT[s.metric],
        headline: true,
      },
      {
        ...base,
        id: comment,
        key: s.comment,
        position: 1,
        type: "text",
        required: false,
        scaleMin: null,
        scaleMax: null,
        text: T.QUESTION_TEXT[s.comment],
        headline: false,
      },
    );
  }

  // The week the stories happen in: the one the latest weekly digest reports on with the default schedule (the
  // seven days before its most recent send, lib/digest/settings.ts), which the digest page opens on.
  const { weekday, hour } = DEFAULT_DIGEST_SETTINGS;
  const weekEnd = weekEndingOf(latestSlot(new Date(w.nowMs), weekday, hour)).getTime();
  const week = { from: weekEnd - 7 * DAY, to: weekEnd };

  const responses: Prisma.ResponseCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const detractors: { index: number; customer: number; score: number; tp: TouchpointInfo | null }[] = [];

  const add = (
    metric: Metric,
    score: number,
    ms: number,
    ci: number,
    tp: TouchpointInfo | null,
    channelKey: string | null,
  ) => {
    const customer = w.customers[ci];
    const category = categoryFor(metric, score);
    const tone = toneFor(category);
    const commentChance = metric === "nps" ? (tone === "angry" ? 0.55 : tone === "neutral" ? 0.35 : 0.4) : 0.3;
    let comment: string | null = null;
    if (rng.chance(commentChance)) {
      const specific = customer.locale === "en" && tp ? T.TOUCHPOINT_COMMENTS[tp.def.name]?.[tone] : undefined;
      // in the outage week English complaints and lukewarm comments about the relationship (no touchpoint) or the
      // Support journey are about the outage (one pick either way)
      const outage =
        customer.locale === "en" &&
        tone !== "praise" &&
        (!tp || tp.journey === DEMO_WEEK_STORIES.outage.journey) &&
        ms >= week.from &&
        ms < week.to;
      const generic = outage ? T.OUTAGE_COMMENTS[tone] : T.COMMENTS[customer.locale][tone];
      comment = specific && rng.chance(0.6) ? rng.pick(specific) : rng.pick(generic);
    }
    const device =
      channelKey === "mobile_app"
        ? rng.chance(0.9)
          ? "mobile"
          : "tablet"
        : rng.weighted(["desktop", "mobile", "tablet"], [50, 42, 8]);
    const at = new Date(ms);
    const id = newId();
    const q = ids[metric];
    responses.push({
      id,
      orgId,
      surveyId: q.survey,
      surveyVersion: 1,
      clientId: w.newClientId(),
      customerId: customer.id,
      touchpointId: tp?.id ?? null,
      channelId: channelKey ? w.channelIds[channelKey] : null,
      metric,
      score,
      category,
      comment,
      hasComment: comment !== null,
      completed: true,
      locale: customer.locale,
      pageUrl: channelKey === "web" ? `https://www.northwind.example${rng.pick(PAGE_URLS)}` : null,
      userAgentCategory: device,
      submittedAt: at,
      completedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    answers.push({ id: newId(), orgId, responseId: id, questionId: q.headline, valueNumber: score, valueText: null });
    if (comment)
      answers.push({
        id: newId(),
        orgId,
        responseId: id,
        questionId: q.comment,
        valueNumber: null,
        valueText: comment,
      });
    customer.lastSeenMs = Math.max(customer.lastSeenMs, ms);
    if (category === "detractor") detractors.push({ index: responses.length - 1, customer: ci, score, tp });
  };

  const total = Math.round(25000 * w.scale);
  const counts = SURVEYS.map((s) => Math.round(total * s.share));
  counts[2] = total - counts[0] - counts[1];

  // NPS: 70 % relationship (no touchpoint), 30 % transactional at a touchpoint with an NPS target.
  const npsTouchpoints = w.touchpoints.filter((t) => t.def.targetNps !== null);
  const pickNpsTouchpoint = weightedPicker(
    npsTouchpoints,
    npsTouchpoints.map((t) => t.def.volume),
  );
  for (let i = 0; i < counts[0]; i++) {
    const ms = w.sampleMs(RESPONSE_HOURS);
    const ci = w.customerAt(ms);
    const tp = rng.chance(0.3) ? pickNpsTouchpoint(rng) : null;
    const level = (tp ? tp.def.targetNps! - 25 + 35 * tp.def.quality : 0) + w.trend(ms) + 22 * w.customers[ci].u;
    const n = clamp(level, -70, 70) / 100;
    const r = rng.next();
    const score =
      r < (0.73 + n) / 2
        ? rng.chance(0.45)
          ? 10
          : 9
        : r < 1 - (0.73 - n) / 2
          ? rng.chance(0.55)
            ? 8
            : 7
          : pickDetractor(rng);
    const channel =
      tp && tp.def.channel && rng.chance(0.5)
        ? tp.def.channel
        : rng.weighted(["email", "web", "mobile_app"], [55, 25, 20]);
    add("nps", score, ms, ci, tp, channel);
  }

  const answer = (
    metric: "csat" | "ces",
    ref: Pick<World["interactionRefs"][number], "tp" | "customer" | "emotion">,
    ms: number,
  ) => {
    const { def } = ref.tp;
    const u = w.customers[ref.customer].u;
    const drift = (w.trend(ms) - 25) / 60;
    const shift = storyShift(metric, ref.tp, ms, week);
    return metric === "csat"
      ? clamp(
          Math.round(
            def.targetCsat! +
              CSAT_OFFSET +
              0.9 * def.quality +
              0.3 * u +
              0.2 * ref.emotion +
              drift +
              shift +
              rng.normal(0, 0.85),
          ),
          1,
          5,
        )
      : clamp(
          Math.round(
            def.targetCes! +
              CES_OFFSET +
              1.2 * def.quality +
              0.4 * u +
              0.3 * ref.emotion +
              drift +
              shift +
              rng.normal(0, 1.1),
          ),
          1,
          7,
        );
  };

  // The pulse surveys: part of the CSAT count, spread over each of the last weeks, from customers active then.
  let pulseAnswers = 0;
  for (const pulse of DEMO_WEEK_STORIES.pulses) {
    const tp = w.touchpoints.find((t) => t.def.name === pulse.touchpoint && t.def.targetCsat !== null);
    if (!tp) continue;
    // the weeks before the digest's end, and the days since (up to now) at the same rate
    for (let k = -1; k < DEMO_WEEK_STORIES.pulseWeeks; k++) {
      const from = weekEnd - (k + 1) * 7 * DAY;
      const span = Math.min(7 * DAY, w.nowMs - from);
      if (span <= 0) continue;
      // at most a quarter of all CSAT answers go to the pulses, so the rest keep their share
      const expected = pulse.perWeek * w.scale * (span / (7 * DAY));
      const n = Math.min(Math.round(expected * (0.9 + 0.2 * rng.next())), counts[1] / 4 - pulseAnswers);
      for (let i = 0; i < n; i++) {
        const ms = from + rng.int(0, span - 1);
        const ref = { tp, customer: w.customerAt(ms), emotion: 0, ms };
        add("csat", answer("csat", ref, ms), ms, ref.customer, tp, pulse.channel);
        pulseAnswers++;
      }
    }
  }

  // CSAT and CES: a sample of the interactions at touchpoints with that target, answered minutes to days later.
  for (const metric of ["csat", "ces"] as const) {
    const count = counts[metric === "csat" ? 1 : 2] - (metric === "csat" ? pulseAnswers : 0);
    const eligible: number[] = [];
    w.interactionRefs.forEach((ref, i) => {
      if ((metric === "csat" ? ref.tp.def.targetCsat : ref.tp.def.targetCes) !== null) eligible.push(i);
    });
    if (eligible.length === 0) continue;
    rng.shuffle(eligible);
    for (let i = 0; i < count; i++) {
      const ref = w.interactionRefs[eligible[i % eligible.length]];
      let ms = ref.ms + rng.int(5 * MINUTE, 2 * DAY);
      if (ms >= w.nowMs) ms = ref.ms + Math.floor((w.nowMs - ref.ms) / 2);
      const channel = rng.chance(0.5) ? "email" : (ref.tp.def.channel ?? "email");
      add(metric, answer(metric, ref, ms), ms, ref.customer, ref.tp, channel);
    }
  }

  const cases = buildCases(w, responses, detractors);
  return { surveys, questions, responses, answers, cases };
}

function buildCases(
  w: World,
  responses: Prisma.ResponseCreateManyInput[],
  detractors: { index: number; customer: number; score: number; tp: TouchpointInfo | null }[],
) {
  const { rng, orgId, users } = w;
  const want = Math.max(8, Math.round(48 * w.scale));
  const msOf = (d: { index: number }) => (responses[d.index].submittedAt as Date).getTime();
  const ordered = [...detractors].sort((a, b) => msOf(b) - msOf(a));
  const chosen = new Set<number>();
  for (const d of ordered) {
    if (chosen.size >= want) break;
    const age = (w.nowMs - msOf(d)) / DAY;
    if (rng.chance(age < 14 ? 0.35 : age < 90 ? 0.12 : 0.02)) chosen.add(d.index);
  }
  for (const d of ordered) if (chosen.size < want) chosen.add(d.index);

  const cases: Prisma.CaseCreateManyInput[] = [];
  for (const d of ordered) {
    if (!chosen.has(d.index)) continue;
    const response = responses[d.index];
    const createdMs = Math.min(w.nowMs, msOf(d) + rng.int(5, 60) * 60_000);
    const age = (w.nowMs - createdMs) / DAY;
    const status =
      age < 5
        ? "open"
        : age < 14
          ? rng.weighted(["open", "in_progress"], [40, 60])
          : age < 30
            ? rng.weighted(["in_progress", "resolved"], [40, 60])
            : rng.weighted(["in_progress", "resolved"], [5, 95]);
    const priority = d.score <= 3 ? "high" : "normal";
    const resolvedMs =
      status === "resolved" ? Math.min(w.nowMs, createdMs + rng.int(1, 6) * DAY + rng.int(0, DAY)) : null;
    const owner = status === "open" && rng.chance(0.15) ? null : rng.weighted([users.agent, users.agent2], [55, 45]);
    cases.push({
      id: w.newId(),
      orgId,
      customerId: response.customerId,
      responseId: response.id,
      interactionId: null,
      title: `Detractor follow-up: ${w.customers[d.customer].name} scored ${d.score}`,
      status,
      priority,
      ownerId: owner,
      dueAt: new Date(createdMs + (priority === "high" ? 2 : 5) * DAY),
      rootCause:
        status === "resolved" || (status === "in_progress" && rng.chance(0.6)) ? rng.pick(T.ROOT_CAUSES) : null,
      resolution: status === "resolved" ? rng.pick(T.RESOLUTIONS) : null,
      triggerKey: `detractor:${response.id}`,
      createdAt: new Date(createdMs),
      updatedAt: new Date(resolvedMs ?? Math.min(w.nowMs, createdMs + rng.int(0, 2) * DAY)),
      resolvedAt: resolvedMs === null ? null : new Date(resolvedMs),
    });
  }
  return cases;
}
