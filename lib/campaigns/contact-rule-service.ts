// The organization's contact rules (docs/distribution.md, "Contact rules"): the frequency cap (at most one
// invitation per customer per N days, across every channel) and the quiet hours. Managers and admins read and
// change them (Settings → Contact rules, GET|PUT /api/v1/contact-rules); every change is an audit event. An
// organization without a row has the defaults below: safe for customers from the first campaign on.
import { z } from "zod";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import type { InvalidParam } from "../errors";
import { isTimeZone, quietHoursSpan, quietHoursWarning, windowInQuietHours, type SendWindow } from "./window";

export type ContactRuleSettings = {
  /** At most one invitation per customer per this many days; 0 = no cap. */
  capDays: number;
  /** Local hours in which nothing is sent (end exclusive, 24 = midnight; start = end: no quiet hours). */
  quietStartHour: number;
  quietEndHour: number;
  /** The zone for customers whose own is unknown, where no campaign names one (re-surveys, triggers). */
  timeZone: string;
};

/** A new organization: one invitation per customer per 30 days, nothing sent between 21:00 and 08:00 local time. */
export const CONTACT_RULE_DEFAULTS: ContactRuleSettings = {
  capDays: 30,
  quietStartHour: 21,
  quietEndHour: 8,
  timeZone: "UTC",
};

// A blank form field is "missing", never 0 (which would turn the cap off).
const blankIsMissing = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const whole = (min: number, max: number, what: string) =>
  z.preprocess(
    blankIsMissing,
    z.coerce
      .number({ error: `Enter ${what} from ${min} to ${max}` })
      .int(`Enter ${what} from ${min} to ${max}`)
      .min(min, `Enter ${what} from ${min} to ${max}`)
      .max(max, `Enter ${what} from ${min} to ${max}`),
  );

/** PUT /api/v1/contact-rules: the whole rule (the form sends every field). */
export const contactRuleSchema = z
  .strictObject({
    capDays: whole(0, 365, "a whole number of days"),
    quietStartHour: whole(0, 23, "an hour"),
    quietEndHour: whole(0, 24, "an hour"),
    timeZone: z
      .string({ error: "Enter a time zone (e.g. Europe/Zurich)" })
      .trim()
      .refine(isTimeZone, "Not a time zone (e.g. Europe/Zurich)"),
  })
  .refine((r) => !(r.quietStartHour === 0 && r.quietEndHour === 24), {
    path: ["quietEndHour"],
    message: "Quiet hours cannot cover the whole day: nothing could ever be sent",
  });
export type ContactRuleInput = z.infer<typeof contactRuleSchema>;

type Reader = Pick<typeof db, "contactRule">;

/** The rule in force for an organization (the defaults when it never saved one). */
export async function loadContactRule(client: Reader, orgId: string): Promise<ContactRuleSettings> {
  const row = await client.contactRule.findUnique({ where: { orgId } });
  return row
    ? {
        capDays: row.capDays,
        quietStartHour: row.quietStartHour,
        quietEndHour: row.quietEndHour,
        timeZone: row.timeZone,
      }
    : { ...CONTACT_RULE_DEFAULTS };
}

/** The quiet hours as a window for window.ts, or null when there are none. */
export const quietWindow = (r: ContactRuleSettings): SendWindow | null =>
  r.quietStartHour === r.quietEndHour ? null : { startHour: r.quietStartHour, endHour: r.quietEndHour };

/**
 * A campaign's or trigger's send window against the organization's quiet hours: a 400 naming `windowStartHour` when
 * the window lies entirely in them (nothing could ever be sent — the worker would suppress every invitation as
 * `quiet_hours`); a window only partly in them is legal (the forms warn).
 */
export async function sendWindowProblems(orgId: string, w: SendWindow): Promise<InvalidParam[]> {
  const quiet = quietWindow(await loadContactRule(db, orgId));
  if (!quiet || windowInQuietHours(w, quiet) !== "never") return [];
  // The forms word it as their own warning does (surveys.sending.quiet.never), in the page's language.
  const message = { key: "surveys.sending.quiet.never", values: { hours: quietHoursSpan(quiet) } };
  return [{ name: "windowStartHour", reason: quietHoursWarning(w, quiet)!, in: "body", message }];
}

/** The organization's zone (its contact rule's), for a form's "empty: the organization's zone". */
export async function organizationTimeZone(orgId: string): Promise<string> {
  return (await loadContactRule(db, orgId)).timeZone;
}

/** What the campaign and trigger forms show beside the send window: the quiet hours and the organization's zone. */
export async function sendingContext(orgId: string): Promise<{ quiet: SendWindow | null; organizationZone: string }> {
  const rule = await loadContactRule(db, orgId);
  return { quiet: quietWindow(rule), organizationZone: rule.timeZone };
}

export type SenderWindow = { kind: "campaign" | "trigger"; id: string; name: string } & SendWindow;

/** The send windows of the organization's active campaigns and triggers: what the rule form warns about. */
export async function listSendWindows(ctx: Ctx): Promise<SenderWindow[]> {
  const select = { id: true, name: true, windowStartHour: true, windowEndHour: true } as const;
  const [campaigns, triggers] = await Promise.all([
    db.campaign.findMany({
      where: { orgId: ctx.orgId, status: "active" },
      select,
      orderBy: { name: "asc" },
      take: 200,
    }),
    db.trigger.findMany({ where: { orgId: ctx.orgId, status: "active" }, select, orderBy: { name: "asc" }, take: 200 }),
  ]);
  const row = (kind: SenderWindow["kind"]) => (r: (typeof campaigns)[number]) => ({
    kind,
    id: r.id,
    name: r.name,
    startHour: r.windowStartHour,
    endHour: r.windowEndHour,
  });
  return [...campaigns.map(row("campaign")), ...triggers.map(row("trigger"))];
}

export type ContactRuleDto = ContactRuleSettings & { isDefault: boolean; updatedAt: Date | null };

export async function getContactRule(ctx: Ctx): Promise<ContactRuleDto> {
  const row = await db.contactRule.findUnique({ where: { orgId: ctx.orgId } });
  const rule = await loadContactRule(db, ctx.orgId);
  return { ...rule, isDefault: row === null, updatedAt: row?.updatedAt ?? null };
}

export async function updateContactRule(ctx: Ctx, input: ContactRuleInput): Promise<ContactRuleDto> {
  await db.$transaction(async (tx) => {
    const before = await loadContactRule(tx, ctx.orgId);
    const data = { ...input, updatedById: ctx.userId };
    await tx.contactRule.upsert({ where: { orgId: ctx.orgId }, create: { orgId: ctx.orgId, ...data }, update: data });
    await recordAudit(
      ctx,
      {
        action: "contact_rule.updated",
        entityType: "Organization",
        entityId: ctx.orgId,
        data: { before, after: input },
      },
      tx,
    );
  });
  return getContactRule(ctx);
}
