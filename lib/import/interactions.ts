// Interaction CSV import (historical interactions from another tool): the interaction kind for the shared
// pipeline (lib/import/pipeline.ts). A row names its customer by external id or e-mail (or our id), its
// touchpoint by id or by "Journey / Stage / Touchpoint", its channel by key and its staff member by e-mail;
// each must exist in this organization, otherwise the row is bad (another organization's record is never
// attached). `clientId` makes re-imports idempotent: rows whose clientId is already stored (or is the id of a
// stored interaction, as in our own export) are skipped and counted as `skipped`.
// Imported interactions are history: they do not open follow-up cases (the case rules react to live events
// only) and are stored with source "import".
import { z } from "zod";
import type { Ctx } from "../auth/ctx";
import { db } from "../db";
import { insertBatches } from "../db-bulk";
import { unguardCell } from "../csv/stream";
import { EMOTIONS, OUTCOMES, interactionCreateSchema } from "../interactions/schema";
import type { Source } from "./csv";
import { INTERACTION_SPEC } from "./interaction-spec";
import { prepareImport, type ImportKind, type ImportOptions, type Numbered, type ParsedRow } from "./pipeline";
import type { CompiledMapping, RowProblem } from "./row";
import { newId, type BatchResult } from "./write";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** "-2".."2", "+1", or a label ("Very upset" … "Delighted", any case). */
export function parseEmotion(cell: string): number | "bad" {
  const v = cell.trim();
  if (/^[+-]?\d+$/.test(v)) {
    const n = Number(v);
    return n >= -2 && n <= 2 ? n : "bad";
  }
  return EMOTIONS.find((e) => e.label.toLowerCase() === v.toLowerCase())?.value ?? "bad";
}

const ref = z.string().trim().min(1).max(300);
export const interactionRowSchema = z.object({
  customer: ref,
  touchpoint: ref.optional(),
  channel: ref.optional(),
  occurredAt: z
    .string()
    .trim()
    .regex(ISO_DATE, "Use an ISO date-time such as 2026-03-14T09:30:00Z")
    .transform((s, c) => {
      const d = new Date(s);
      if (Number.isNaN(d.getTime())) {
        c.addIssue({ code: "custom", message: "Not a real date" });
        return z.NEVER;
      }
      return d;
    }),
  outcome: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase().replace(/[\s-]+/g, "_") : v), interactionCreateSchema.shape.outcome),
  emotion: z.number().int().min(-2).max(2).optional(),
  note: interactionCreateSchema.shape.note,
  staff: z.email("Use the e-mail of a member of this organization").optional(),
  clientId: interactionCreateSchema.shape.clientId,
});
export type InteractionRow = z.infer<typeof interactionRowSchema>;

export function parseInteractionRow(record: string[], columns: CompiledMapping, row: number): ParsedRow<InteractionRow> {
  const draft: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const { index, target } of columns) {
    const cell = unguardCell(record[index] ?? "").trim();
    if (cell === "") continue;
    if (target === "emotion") {
      const emotion = parseEmotion(cell);
      if (emotion === "bad") problems.push({ row, field: "emotion", reason: `Use −2..+2 or ${EMOTIONS.map((e) => e.label).join(", ")} (got "${cell.slice(0, 40)}")` });
      else draft.emotion = emotion;
    } else draft[target] = cell;
  }
  const result = interactionRowSchema.safeParse(draft);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "row");
      if (seen.has(field)) continue;
      seen.add(field);
      const reason =
        issue.code === "invalid_type" && issue.input === undefined
          ? "Required"
          : field === "outcome"
            ? `Use one of ${OUTCOMES.join(", ")}`
            : issue.message;
      problems.push({ row, field, reason });
    }
  }
  if (problems.length || !result.success) return { ok: false, problems };
  return { ok: true, input: result.data };
}

/** A resolved row: the database ids it points at. */
export type InteractionRecord = {
  customerId: string;
  touchpointId: string | null;
  channelId: string | null;
  staffId: string | null;
  occurredAt: Date;
  outcome: string;
  emotion: number | null;
  note: string | null;
  clientId: string | null;
};

/** "Journey / Stage / Touchpoint" → the lookup key (case and spacing around the slashes do not matter). */
export const touchpointPath = (...names: string[]) => names.map((n) => n.trim().toLowerCase()).join(" / ");

type Lookups = {
  touchpoints: Map<string, { id: string; channelId: string | null } | "ambiguous">;
  channels: Map<string, string>;
  staff: Map<string, string>;
};

async function loadLookups(ctx: Ctx): Promise<Lookups> {
  const [touchpoints, channels, members] = await Promise.all([
    db.touchpoint.findMany({
      where: { orgId: ctx.orgId },
      select: { id: true, name: true, channelId: true, journey: { select: { name: true } }, stage: { select: { name: true } } },
    }),
    db.channel.findMany({ where: { orgId: ctx.orgId }, select: { id: true, key: true } }),
    db.membership.findMany({ where: { orgId: ctx.orgId }, select: { userId: true, user: { select: { email: true } } } }),
  ]);
  const tp: Lookups["touchpoints"] = new Map();
  for (const t of touchpoints) {
    const value = { id: t.id, channelId: t.channelId };
    tp.set(t.id, value);
    const path = touchpointPath(t.journey.name, t.stage.name, t.name);
    tp.set(path, tp.has(path) ? "ambiguous" : value);
  }
  return {
    touchpoints: tp,
    channels: new Map(channels.map((c) => [c.key.toLowerCase(), c.id])),
    staff: new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId])),
  };
}

/** Customers of this organization named by the batch, by external id, e-mail (lower-cased) or id. */
async function customersOf(ctx: Ctx, refs: string[]) {
  // Up to 4 parameters per reference: chunks of 200 stay under SQLite's 999 bound parameters per query.
  const found: Array<{ id: string; externalId: string | null; email: string | null }> = [];
  for (let i = 0; i < refs.length; i += 200) {
    const chunk = refs.slice(i, i + 200);
    const emails = [...new Set([...chunk, ...chunk.map((r) => r.toLowerCase())])];
    found.push(
      ...(await db.customer.findMany({
        where: { orgId: ctx.orgId, OR: [{ externalId: { in: chunk } }, { email: { in: emails } }, { id: { in: chunk } }] },
        select: { id: true, externalId: true, email: true },
      })),
    );
  }
  const byExternal = new Map<string, string>();
  const byEmail = new Map<string, Set<string>>();
  const byId = new Set<string>();
  for (const c of found) {
    if (c.externalId) byExternal.set(c.externalId, c.id);
    if (c.email) {
      const key = c.email.toLowerCase();
      if (!byEmail.has(key)) byEmail.set(key, new Set());
      byEmail.get(key)!.add(c.id);
    }
    byId.add(c.id);
  }
  return (value: string): { id: string } | { reason: string } => {
    const ext = byExternal.get(value);
    if (ext) return { id: ext };
    const emails = byEmail.get(value.toLowerCase());
    if (emails?.size === 1) return { id: [...emails][0] };
    if (emails && emails.size > 1) return { reason: `${emails.size} customers have the e-mail "${value.slice(0, 80)}"; use their external id` };
    if (byId.has(value)) return { id: value };
    return { reason: `No customer with the external id or e-mail "${value.slice(0, 80)}" in this organization` };
  };
}

function interactionSession(ctx: Ctx) {
  let lookups: Promise<Lookups> | null = null;
  // Each customer's newest imported interaction, applied once at the end (one query per customer, not per batch).
  const newest = new Map<string, Date>();
  return {
    async resolve(rows: Numbered<InteractionRow>[]) {
      const { touchpoints, channels, staff } = await (lookups ??= loadLookups(ctx));
      const customer = await customersOf(ctx, [...new Set(rows.map((r) => r.input.customer))]);
      return rows.map(({ row, input }) => {
        const problems: RowProblem[] = [];
        const c = customer(input.customer);
        if ("reason" in c) problems.push({ row, field: "customer", reason: c.reason });
        let tp: { id: string; channelId: string | null } | null = null;
        if (input.touchpoint) {
          const key = input.touchpoint.includes("/") ? touchpointPath(...input.touchpoint.split("/")) : input.touchpoint;
          const found = touchpoints.get(key);
          if (found === "ambiguous") problems.push({ row, field: "touchpoint", reason: "Several touchpoints have this name; use the touchpoint id" });
          else if (!found) problems.push({ row, field: "touchpoint", reason: `No touchpoint "${input.touchpoint.slice(0, 80)}" (id or Journey / Stage / Touchpoint) in this organization` });
          else tp = found;
        }
        const channelId = input.channel ? channels.get(input.channel.toLowerCase()) : undefined;
        if (input.channel && !channelId) problems.push({ row, field: "channel", reason: `No channel with the key "${input.channel.slice(0, 60)}"` });
        const staffId = input.staff ? staff.get(input.staff.toLowerCase()) : undefined;
        if (input.staff && !staffId) problems.push({ row, field: "staff", reason: `${input.staff.slice(0, 80)} is not a member of this organization` });
        if (problems.length || "reason" in c) return { row, problems };
        const record: InteractionRecord = {
          customerId: c.id,
          touchpointId: tp?.id ?? null,
          channelId: channelId ?? tp?.channelId ?? null,
          staffId: staffId ?? null,
          occurredAt: input.occurredAt,
          outcome: input.outcome,
          emotion: input.emotion ?? null,
          note: input.note || null,
          clientId: input.clientId ?? null,
        };
        return { row, input: record };
      });
    },

    /** Each customer was last seen at their newest interaction. */
    async finish() {
      for (const [customerId, at] of newest) {
        await db.customer.updateMany({ where: { id: customerId, orgId: ctx.orgId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: at } }] }, data: { lastSeenAt: at } });
      }
    },

    /** New interactions in multi-row INSERTs; rows whose clientId is already stored are skipped. No cases are opened. */
    async write(rows: InteractionRecord[]): Promise<BatchResult> {
      const clientIds = rows.flatMap((r) => (r.clientId ? [r.clientId] : []));
      return db.$transaction(
        async (tx) => {
          // A clientId already stored, or equal to the id of a stored interaction (our export writes the id
          // when an interaction has no clientId), is the same interaction.
          // In chunks of 400 (2 parameters each: under SQLite's 999 bound parameters per query).
          const stored = new Set<string | null>();
          for (let i = 0; i < clientIds.length; i += 400) {
            const chunk = clientIds.slice(i, i + 400);
            const found = await tx.interaction.findMany({ where: { orgId: ctx.orgId, OR: [{ clientId: { in: chunk } }, { id: { in: chunk } }] }, select: { id: true, clientId: true } });
            for (const f of found) stored.add(f.id).add(f.clientId);
          }
          const fresh = rows.filter((r) => !r.clientId || !stored.has(r.clientId));
          const now = new Date();
          await insertBatches(
            tx,
            "Interaction",
            "interactions",
            fresh.map((r) => ({ id: newId(), orgId: ctx.orgId, ...r, source: "import", createdAt: now })),
          );
          for (const r of fresh) if (!(newest.get(r.customerId)! >= r.occurredAt)) newest.set(r.customerId, r.occurredAt);
          return { inserted: fresh.length, updated: 0, skipped: rows.length - fresh.length };
        },
        { timeout: 120_000 },
      );
    },
  };
}

export const interactionKind: ImportKind<InteractionRow, InteractionRecord> = {
  spec: INTERACTION_SPEC,
  audit: { action: "interactions.imported", entityType: "Interaction" },
  parseRow: parseInteractionRow,
  uniqueKey: (input) => (input.clientId ? { field: "clientId", value: input.clientId } : undefined),
  session: interactionSession,
};

export const prepareInteractionImport = (ctx: Ctx, source: Source, options: ImportOptions) => prepareImport(interactionKind, ctx, source, options);
