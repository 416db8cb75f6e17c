// Sending the weekly digest from any number of app instances. The database is the only state they share, so a
// DigestRun row per (organization, ISO week) is the lease: the instance whose INSERT succeeds sends; the others'
// INSERT hits the unique (orgId, periodKey) and they move on. A failed send (SMTP down, …) is marked "failed"
// with a nextAttemptAt; a later tick on any instance takes it over with a compare-and-set on (status, attempts),
// so again exactly one instance retries. A "sending" run whose instance died is taken over once its lease
// (lockedUntil) has expired.
// A run sends one message per group of recipients — per scope (the organization, or a member's unit) and language
// (each member's saved one, else English: docs/i18n.md "E-mails") — and records each as a DigestDelivery as soon as
// the SMTP server took it. A retry sends only to the members no delivery names yet, so a failure after some groups
// never sends those groups again; "sent" means every recipient got their one message.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { buildDigest } from "./service";
import { digestLinks, renderDigestEmail } from "./email";
import { loadScope } from "../units/scope-load";
import { publicBaseUrl, sendMail, type Mailer } from "../mail/transport";
import { digestSettingsFrom, isoWeekKey, latestSlot, weekEndingOf, type DigestSettings } from "./settings";
import { isUniqueViolation } from "../db-errors";
import { localeOr } from "../account/recipient-locale";
import type { AppLocale } from "../i18n/config";

/** A claimed run stays ours this long; SMTP timeouts below are far shorter. */
export const LEASE_MS = 10 * 60_000;
/** Attempts per organization and week before the run stays "failed". */
export const MAX_ATTEMPTS = 6;
/** A slot is still sent this long after its time (an instance that was down on the day catches up). */
export const DUE_WINDOW_MS = 24 * 3_600_000;

/** Wait before attempt k + 1 after k failed attempts: 5, 10, 20, 40, 60, 60 … minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 5 * 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** The scheduler reads; no user is acting. */
function systemCtx(orgId: string): Ctx {
  return { orgId, userId: "digest-scheduler", role: "viewer", apiKeyId: null };
}

export type RecipientGroup = {
  /** "org:de", "<unitId>:en": stable across attempts of a run (DigestDelivery.groupKey). */
  key: string;
  unitId: string | null;
  locale: AppLocale;
  to: string[];
  userIds: string[];
};

/**
 * The digest's recipients: the chosen members, or every admin and manager by default, grouped by their membership's
 * scope — each group gets the digest of its unit (null: the whole organization), so a store manager's e-mail
 * covers their store only (docs/hierarchy.md, "Metrics and reports") — and by their language (User.locale, else
 * English): each group gets one message in its language.
 */
export async function digestRecipientGroups(orgId: string, settings: DigestSettings): Promise<RecipientGroup[]> {
  // A suspended member (de-provisioned by SCIM) gets nothing, even when chosen by name.
  const where =
    settings.recipients === null
      ? { orgId, suspendedAt: null, role: { in: ["admin", "manager"] } }
      : { orgId, suspendedAt: null, userId: { in: settings.recipients } };
  const rows = await db.membership.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: { unitId: true, userId: true, user: { select: { email: true, locale: true } } },
  });
  const groups = new Map<string, RecipientGroup>();
  for (const r of rows) {
    const locale = localeOr(r.user.locale);
    const key = `${r.unitId ?? "org"}:${locale}`;
    const g = groups.get(key) ?? { key, unitId: r.unitId, locale, to: [], userIds: [] };
    g.to.push(r.user.email);
    g.userIds.push(r.userId);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export type Claim = { id: string; attempts: number };

/** Claims (orgId, periodKey) for this instance, or null when another instance has it or it is done. */
export async function claimRun(orgId: string, periodKey: string, now: Date): Promise<Claim | null> {
  const lockedUntil = new Date(now.getTime() + LEASE_MS);
  try {
    const run = await db.digestRun.create({
      data: { orgId, periodKey, status: "sending", attempts: 1, lockedUntil },
      select: { id: true, attempts: true },
    });
    return run;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const run = await db.digestRun.findUnique({ where: { orgId_periodKey: { orgId, periodKey } } });
  if (!run) return null;
  const retry =
    run.status === "failed" && run.attempts < MAX_ATTEMPTS && (run.nextAttemptAt === null || run.nextAttemptAt <= now);
  const abandoned = run.status === "sending" && run.lockedUntil !== null && run.lockedUntil < now;
  if (!retry && !abandoned) return null;
  // Compare-and-set: only one instance can move it from this (status, attempts).
  const { count } = await db.digestRun.updateMany({
    where: { id: run.id, status: run.status, attempts: run.attempts },
    data: { status: "sending", attempts: { increment: 1 }, lockedUntil, nextAttemptAt: null },
  });
  return count === 1 ? { id: run.id, attempts: run.attempts + 1 } : null;
}

/** The members the deliveries of a run name. */
async function reachedUserIds(runId: string): Promise<Set<string>> {
  const rows = await db.digestDelivery.findMany({ where: { runId }, select: { userIds: true } });
  return new Set(rows.flatMap((r) => JSON.parse(r.userIds) as string[]));
}

export type RunOutcome = {
  orgId: string;
  periodKey: string;
  status: "sent" | "failed" | "skipped" | "not-claimed";
  recipients: number;
  error?: string;
};

/** Sends one organization's digest for one period if this instance can claim it. */
export async function sendOrgDigest(
  orgId: string,
  settings: DigestSettings,
  slot: Date,
  mailer: Mailer,
  now = new Date(),
): Promise<RunOutcome> {
  const periodKey = isoWeekKey(slot);
  const claim = await claimRun(orgId, periodKey, now);
  if (!claim) return { orgId, periodKey, status: "not-claimed", recipients: 0 };
  try {
    const groups = await digestRecipientGroups(orgId, settings);
    const recipients = groups.reduce((n, g) => n + g.to.length, 0);
    if (recipients === 0) {
      await db.digestRun.update({
        where: { id: claim.id },
        data: { status: "skipped", lockedUntil: null, recipients: 0, lastError: "No recipients" },
      });
      return { orgId, periodKey, status: "skipped", recipients: 0 };
    }
    const weekEnding = weekEndingOf(slot);
    // Who an earlier attempt of this run already reached: they get nothing more this week.
    const reached = await reachedUserIds(claim.id);
    // One e-mail per scope and language: the organization's to organization-wide members, each unit's to the
    // members over it; each in its readers' language.
    for (const group of groups) {
      const todo = group.userIds.map((id, i) => ({ id, to: group.to[i] })).filter((r) => !reached.has(r.id));
      if (todo.length === 0) continue;
      const scope = group.unitId ? await loadScope(orgId, group.unitId) : null;
      const digest = await buildDigest({ ...systemCtx(orgId), scope }, { weekEnding }, now);
      const email = renderDigestEmail(digest, digestLinks(publicBaseUrl(), weekEnding), group.locale);
      const to = todo.map((r) => r.to);
      const info = await sendMail({ to, subject: email.subject, text: email.text, html: email.html }, mailer);
      await db.digestDelivery.create({
        data: {
          runId: claim.id,
          groupKey: group.key,
          userIds: JSON.stringify(todo.map((r) => r.id)),
          messageId: info.messageId,
        },
      });
    }
    const first = await db.digestDelivery.findFirst({
      where: { runId: claim.id },
      orderBy: { sentAt: "asc" },
      select: { messageId: true },
    });
    await db.digestRun.update({
      where: { id: claim.id },
      data: {
        status: "sent",
        sentAt: new Date(),
        lockedUntil: null,
        recipients,
        messageId: first?.messageId ?? null,
        lastError: null,
      },
    });
    return { orgId, periodKey, status: "sent", recipients };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.digestRun.update({
      where: { id: claim.id },
      data: {
        status: "failed",
        lockedUntil: null,
        lastError: message.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(claim.attempts)),
      },
    });
    console.error(
      `[digest] sending ${periodKey} for organization ${orgId} failed (attempt ${claim.attempts}):`,
      message,
    );
    return { orgId, periodKey, status: "failed", recipients: 0, error: message };
  }
}

/**
 * Every organization whose digest is due: switched on, and its latest slot (weekday + hour, UTC) passed less
 * than DUE_WINDOW_MS ago — or at any time in the last week with `ignoreWindow` (`npm run digest:send`).
 */
export async function runDueDigests(
  mailer: Mailer,
  opts: { now?: Date; ignoreWindow?: boolean; orgIds?: string[] } = {},
): Promise<RunOutcome[]> {
  const now = opts.now ?? new Date();
  const orgs = await db.organization.findMany({
    where: opts.orgIds ? { id: { in: opts.orgIds } } : undefined,
    select: { id: true, settings: true },
    orderBy: { createdAt: "asc" },
  });
  const outcomes: RunOutcome[] = [];
  for (const org of orgs) {
    const settings = digestSettingsFrom(org.settings);
    if (!settings.enabled) continue;
    const slot = latestSlot(now, settings.weekday, settings.hour);
    if (!opts.ignoreWindow && now.getTime() - slot.getTime() >= DUE_WINDOW_MS) continue;
    // Cheap check first: most ticks find this week's run already sent.
    const done = await db.digestRun.findUnique({
      where: { orgId_periodKey: { orgId: org.id, periodKey: isoWeekKey(slot) } },
      select: { status: true },
    });
    if (done && (done.status === "sent" || done.status === "skipped")) continue;
    outcomes.push(await sendOrgDigest(org.id, settings, slot, mailer, now));
  }
  return outcomes;
}

/**
 * "Send me this now": the digest of the seven days before `weekEnding` to the signed-in member only (no lease), in
 * `locale` — the action passes the language of the page asked from — else the member's saved language, else English.
 */
export async function sendDigestToMember(
  ctx: Ctx,
  weekEnding: Date,
  mailer: Mailer,
  now = new Date(),
  locale?: AppLocale,
): Promise<{ to: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { email: true, locale: true } });
  const digest = await buildDigest(ctx, { weekEnding }, now);
  const email = renderDigestEmail(digest, digestLinks(publicBaseUrl(), weekEnding), locale ?? localeOr(user.locale));
  await sendMail({ to: user.email, subject: email.subject, text: email.text, html: email.html }, mailer);
  return { to: user.email };
}
