// Builds every row of the demo organization in memory (no database access), from a seed. Content comes
// from one PRNG stream and ids from another (`newId`), so the same seed gives the same data whatever ids
// the caller hands out.
import type { Prisma } from "../generated/sqlite/client";
import { CHANNELS, CSAT_SURVEY_TOUCHPOINT, JOURNEYS, type TouchpointDef } from "./catalog";
import { buildDriverSurvey } from "./drivers";
import { buildServqualSurvey } from "./servqual";
import { buildFeedback } from "./feedback";
import { createRng, weightedPicker, type Rng } from "../metrics/random";
import * as T from "./text";

export const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 18 months of history, ending today. */
export const WINDOW_DAYS = 548;

export interface DemoUserIds {
  admin: string;
  manager: string;
  agent: string;
  agent2: string;
  viewer: string;
  regionManager: string;
  areaManager: string;
  storeManager: string;
  teamLead: string;
}

export interface BuildOptions {
  seed: number;
  scale: number;
  now: Date;
  orgId: string;
  users: DemoUserIds;
  newId: () => string;
  newPublicId: () => string;
  /** A survey response's clientId: unguessable (lib/surveys/response-store.ts), so not from the seed. */
  newClientId: () => string;
}

export interface TouchpointInfo {
  id: string;
  def: TouchpointDef;
  channelId: string | null;
  /** The journey's name. */
  journey: string;
}

export interface CustomerInfo {
  id: string;
  name: string;
  createdMs: number;
  u: number;
  locale: T.Locale;
  lastSeenMs: number;
}

/** The shared context the feedback builder needs: time model, customers, touchpoints, interactions. */
export interface World {
  rng: Rng;
  orgId: string;
  users: DemoUserIds;
  newId: () => string;
  newPublicId: () => string;
  newClientId: () => string;
  scale: number;
  startMs: number;
  nowMs: number;
  channelIds: Record<string, string>;
  touchpoints: TouchpointInfo[];
  customers: CustomerInfo[];
  interactions: Prisma.InteractionCreateManyInput[];
  /** Touchpoint and customer index of each interaction. */
  interactionRefs: { tp: TouchpointInfo; customer: number; emotion: number; ms: number }[];
  sampleMs: (hours: readonly number[]) => number;
  trend: (ms: number) => number;
  customerAt: (ms: number) => number;
}

const STAFF_HOURS = [0, 0, 0, 0, 0, 0, 1, 3, 6, 9, 10, 10, 9, 9, 10, 10, 9, 8, 6, 4, 3, 2, 1, 0];
export const CUSTOMER_HOURS = [1, 1, 0, 0, 0, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 7, 4, 2];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const OUTCOMES = ["resolved", "follow_up", "escalated", "no_action"] as const;

/** The relationship NPS the organization "really" has at fraction f of the window: ~15 → ~35, a dip near month 10. */
export function npsTrend(f: number): number {
  return 15 + 20 * f - 13 * Math.exp(-(((18 * f - 10) / 1.5) ** 2));
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function asciiSlug(value: string): string {
  return value
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export function buildDemoRows(opts: BuildOptions) {
  const { orgId, users, newId, scale } = opts;
  const rng = createRng(opts.seed);
  const nowMs = opts.now.getTime();
  const today = new Date(nowMs);
  const startMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - WINDOW_DAYS * DAY;
  const setupAt = new Date(startMs - 20 * DAY);
  const span = nowMs - startMs;

  // Volume grows ~60 % over the window; weekends are quieter; hours follow the given profile.
  const growth = 0.6;
  const hourPickers = new Map<readonly number[], (r: Rng) => number>();
  const sampleMs = (hours: readonly number[]): number => {
    const pickHour = hourPickers.get(hours) ?? weightedPicker(HOURS, hours);
    hourPickers.set(hours, pickHour);
    for (let attempt = 0; ; attempt++) {
      const u = rng.next();
      const f = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
      const day = Math.min(WINDOW_DAYS, Math.floor(f * (WINDOW_DAYS + 1)));
      const weekday = new Date(startMs + day * DAY).getUTCDay();
      if ((weekday === 0 || weekday === 6) && attempt < 2 && rng.chance(0.45)) continue;
      const ms = startMs + day * DAY + pickHour(rng) * HOUR + rng.int(0, HOUR - 1);
      return ms < nowMs ? ms : nowMs - rng.int(60_000, 6 * HOUR);
    }
  };
  const trend = (ms: number) => npsTrend(clamp((ms - startMs) / span, 0, 1));

  // Channels, journeys, stages, touchpoints.
  const channelIds: Record<string, string> = {};
  const channels = CHANNELS.map((c) => {
    channelIds[c.key] = newId();
    return { id: channelIds[c.key], orgId, key: c.key, name: c.name, createdAt: setupAt };
  });
  const journeys: Prisma.JourneyCreateManyInput[] = [];
  const stages: Prisma.StageCreateManyInput[] = [];
  const touchpointRows: Prisma.TouchpointCreateManyInput[] = [];
  const touchpoints: TouchpointInfo[] = [];
  for (const j of JOURNEYS) {
    const journeyId = newId();
    journeys.push({
      id: journeyId,
      orgId,
      name: j.name,
      description: j.description,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    j.stages.forEach((s, position) => {
      const stageId = newId();
      const { touchpoints: defs, ...lanes } = s;
      stages.push({ id: stageId, orgId, journeyId, position, ...lanes, createdAt: setupAt, updatedAt: setupAt });
      defs.forEach((def, tpPosition) => {
        const info: TouchpointInfo = {
          id: newId(),
          def,
          channelId: def.channel ? channelIds[def.channel] : null,
          journey: j.name,
        };
        touchpoints.push(info);
        touchpointRows.push({
          id: info.id,
          orgId,
          journeyId,
          stageId,
          channelId: info.channelId,
          name: def.name,
          description: null,
          kind: def.kind,
          position: tpPosition,
          promise: def.promise,
          targetCsat: def.targetCsat,
          targetCes: def.targetCes,
          targetNps: def.targetNps,
          servqualDimension: def.servqual,
          createdAt: setupAt,
          updatedAt: setupAt,
        });
      });
    });
  }

  // Customers: 60 % were imported when the organization started, the rest joined during the window.
  const customerCount = Math.max(20, Math.round(3000 * scale));
  const pickRegion = weightedPicker(T.REGIONS, T.REGION_WEIGHTS);
  const raw = Array.from({ length: customerCount }, (_, index) => {
    const existing = rng.chance(0.6);
    const createdMs = existing ? startMs - rng.int(0, 20) * DAY - rng.int(0, DAY - 1) : sampleMs(CUSTOMER_HOURS);
    const plan = rng.weighted(["basic", "plus", "pro"] as const, [50, 35, 15]);
    const tags: string[] = [];
    if (rng.chance(plan === "pro" ? 0.15 : 0.03)) tags.push("vip");
    if (rng.chance(0.18)) tags.push("smb");
    if (plan === "pro" && rng.chance(0.2)) tags.push("enterprise");
    if (rng.chance(0.08)) tags.push("at-risk");
    const u = rng.normal(0, 0.8) + (tags.includes("vip") ? 0.4 : 0) - (tags.includes("at-risk") ? 1.2 : 0);
    const consentRoll = rng.next();
    return {
      index,
      createdMs,
      plan,
      tags,
      u,
      first: rng.pick(T.FIRST_NAMES),
      last: rng.pick(T.LAST_NAMES),
      region: pickRegion(rng),
      tenureMonths: existing ? 18 + rng.int(0, 84) : Math.floor((nowMs - createdMs) / (30.44 * DAY)),
      consent: consentRoll < 0.88 ? true : consentRoll < 0.93 ? false : null,
      locale: rng.weighted(["en", "de", "fr", "es"] as const, [82, 7, 6, 5]),
      phone: rng.chance(0.6) ? `+44 7700 900${String(rng.int(0, 999)).padStart(3, "0")}` : null,
      domain: rng.pick(T.EMAIL_DOMAINS),
    };
  }).sort((a, b) => a.createdMs - b.createdMs || a.index - b.index);
  const customers: CustomerInfo[] = raw.map((c) => ({
    id: newId(),
    name: `${c.first} ${c.last}`,
    createdMs: c.createdMs,
    u: c.u,
    locale: c.locale,
    lastSeenMs: 0,
  }));
  const createdSorted = customers.map((c) => c.createdMs);
  /** A random customer who already existed at `ms`. */
  const customerAt = (ms: number): number => {
    let lo = 0;
    let hi = createdSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (createdSorted[mid] <= ms) lo = mid + 1;
      else hi = mid;
    }
    return rng.int(0, Math.max(1, lo) - 1);
  };

  // Interactions: mostly on the touchpoint's own channel; emotion follows touchpoint quality and customer mood.
  const interactionCount = Math.round(40000 * scale);
  const pickTouchpoint = weightedPicker(
    touchpoints,
    touchpoints.map((t) => t.def.volume),
  );
  const channelKeys = CHANNELS.map((c) => c.key);
  const interactions: Prisma.InteractionCreateManyInput[] = [];
  const interactionRefs: World["interactionRefs"] = [];
  let importCounter = 0;
  for (let i = 0; i < interactionCount; i++) {
    const tp = pickTouchpoint(rng);
    const ms = sampleMs(STAFF_HOURS);
    const ci = customerAt(ms);
    const customer = customers[ci];
    const channelId = rng.chance(0.88) ? tp.channelId : channelIds[rng.pick(channelKeys)];
    const staffLogged = tp.def.kind === "digital" ? rng.chance(0.25) : rng.chance(0.95);
    const latent = 0.3 + 0.9 * tp.def.quality + 0.5 * customer.u + (trend(ms) - 25) / 40 + rng.normal(0, 0.9);
    const emotion = clamp(Math.round(latent), -2, 2);
    const outcome =
      emotion <= -2
        ? rng.weighted(OUTCOMES, [20, 40, 35, 5])
        : emotion === -1
          ? rng.weighted(OUTCOMES, [45, 35, 12, 8])
          : rng.weighted(OUTCOMES, [75, 10, 2, 13]);
    const staffId = staffLogged ? rng.weighted([users.agent, users.agent2, users.manager], [55, 40, 5]) : null;
    const note = staffLogged && rng.chance(0.35) ? rng.pick(T.INTERACTION_NOTES[outcome]) : null;
    const occurredAt = new Date(ms);
    interactions.push({
      id: newId(),
      orgId,
      customerId: customer.id,
      touchpointId: tp.id,
      channelId,
      staffId,
      occurredAt,
      outcome,
      emotion,
      note,
      source: staffLogged ? "staff" : "import",
      clientId: staffLogged ? null : `crm-${String(++importCounter).padStart(7, "0")}`,
      createdAt: occurredAt,
    });
    interactionRefs.push({ tp, customer: ci, emotion, ms });
    customer.lastSeenMs = Math.max(customer.lastSeenMs, ms);
  }

  const world: World = {
    rng,
    orgId,
    users,
    newId,
    newPublicId: opts.newPublicId,
    newClientId: opts.newClientId,
    scale,
    startMs,
    nowMs,
    channelIds,
    touchpoints,
    customers,
    interactions,
    interactionRefs,
    sampleMs,
    trend,
    customerAt,
  };
  const csatTouchpoint = touchpoints.find((t) => t.def.name === CSAT_SURVEY_TOUCHPOINT);
  const feedback = buildFeedback(world, setupAt, csatTouchpoint?.id ?? null);

  const customerRows: Prisma.CustomerCreateManyInput[] = [];
  const customerTags: Prisma.CustomerTagCreateManyInput[] = [];
  // Every consent a customer has was recorded, as the app does (lib/privacy/consent.ts): the customer 360's
  // "Consented · set <date>" and its consent history must tell the same story.
  const consentEvents: Prisma.ConsentEventCreateManyInput[] = [];
  const emailsSeen = new Map<string, number>();
  raw.forEach((c, i) => {
    const info = customers[i];
    const base = `${asciiSlug(c.first)}.${asciiSlug(c.last)}`;
    const seen = (emailsSeen.get(base) ?? 0) + 1;
    emailsSeen.set(base, seen);
    const createdAt = new Date(c.createdMs);
    const lastSeenAt = info.lastSeenMs ? new Date(info.lastSeenMs) : null;
    customerRows.push({
      id: info.id,
      orgId,
      externalId: `C-${String(i + 1).padStart(6, "0")}`,
      name: info.name,
      email: `${base}${seen > 1 ? seen : ""}@${c.domain}`,
      phone: c.phone,
      attributes: { plan: c.plan, region: c.region, tenureMonths: c.tenureMonths },
      consent: c.consent,
      consentAt: c.consent === null ? null : createdAt,
      createdAt,
      updatedAt: lastSeenAt ?? createdAt,
      lastSeenAt,
    });
    for (const tag of c.tags) customerTags.push({ id: newId(), orgId, customerId: info.id, tag });
    if (c.consent !== null)
      consentEvents.push({
        id: newId(),
        orgId,
        customerId: info.id,
        consent: c.consent,
        source: "import",
        createdAt,
      });
  });

  // Last, so that it draws nothing the rows above depend on.
  const drivers = buildDriverSurvey(world, opts.seed, setupAt);
  const servqual = buildServqualSurvey(world, opts.seed, setupAt);
  return {
    channels,
    journeys,
    stages,
    touchpoints: touchpointRows,
    customers: customerRows,
    customerTags,
    consentEvents,
    interactions,
    surveys: [...feedback.surveys, drivers.survey, servqual.survey],
    questions: [...feedback.questions, ...drivers.questions, ...servqual.questions],
    responses: [...feedback.responses, ...drivers.responses, ...servqual.responses],
    answers: [...feedback.answers, ...drivers.answers, ...servqual.answers],
    cases: feedback.cases,
  };
}

export type DemoRows = ReturnType<typeof buildDemoRows>;
