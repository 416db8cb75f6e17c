// Interaction CSV import (historical interactions from another tool): the interaction kind for the shared
// pipeline (lib/import/pipeline.ts). A row names its customer by external id or e-mail (or our id), its
// touchpoint by id or by "Journey / Stage / Touchpoint", its channel by key and its staff member by e-mail;
// each must exist in this organization, otherwise the row is bad (another organization's record is never
// attached). `clientId` makes re-imports idempotent: rows whose clientId is already stored (or is the id of a
// stored interaction, as in our own export) are skipped and counted as `skipped`.
// Imported interactions are history: they do not open follow-up cases (the case rules react to live events
// only) and are stored with source "import". Those that occurred in the last 7 days fire the organization's
// triggers, in the batch's transaction (docs/distribution.md, "Triggers"); older ones fire nothing.
import { attributeRows } from "../units/attribute-rows";
import { z } from "zod";
import type { Ctx } from "../auth/ctx";
import { db } from "../db";
import { insertBatches } from "../db-bulk";
import { unguardCell } from "../csv/stream";
import { NUL_REASON } from "../http/request";
import { EMOTIONS, OUTCOMES, interactionCreateSchema } from "../interactions/schema";
import type { Source } from "./csv";
import { INTERACTION_SPEC } from "./interaction-spec";
import { prepareImport, type ImportKind, type ImportOptions, type Numbered, type ParsedRow } from "./pipeline";
import type { CompiledMapping, RowProblem } from "./row";
import { newId, type BatchResult } from "./write";
import { fireInteractionTriggers } from "../triggers/fire";
import {
  customersOf,
  findChannel,
  findTouchpoint,
  lastSeenTracker,
  loadLookups,
  type Lookups,
  type TouchpointRef,
} from "./references";
import { analyseOnWrite } from "../text-analytics/store";

export { touchpointPath } from "./references";

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
  outcome: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, "_")
        : v,
    interactionCreateSchema.shape.outcome,
  ),
  emotion: z.number().int().min(-2).max(2).optional(),
  note: interactionCreateSchema.shape.note,
  staff: z.email("Use the e-mail of a member of this organization").optional(),
  clientId: interactionCreateSchema.shape.clientId,
});
export type InteractionRow = z.infer<typeof interactionRowSchema>;

export function parseInteractionRow(
  record: string[],
  columns: CompiledMapping,
  row: number,
): ParsedRow<InteractionRow> {
  const draft: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const { index, target } of columns) {
    const cell = unguardCell(record[index] ?? "").trim();
    if (cell.includes("\u0000")) {
      problems.push({ row, field: target, reason: NUL_REASON });
      continue;
    }
    if (cell === "") continue;
    if (target === "emotion") {
      const emotion = parseEmotion(cell);
      if (emotion === "bad")
        problems.push({
          row,
          field: "emotion",
          reason: `Use −2..+2 or ${EMOTIONS.map((e) => e.label).join(", ")} (got "${cell.slice(0, 40)}")`,
        });
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

function interactionSession(ctx: Ctx) {
  let lookups: Promise<Lookups> | null = null;
  const lastSeen = lastSeenTracker(ctx);
  return {
    async resolve(rows: Numbered<InteractionRow>[]) {
      const refs = await (lookups ??= loadLookups(ctx));
      const customer = await customersOf(ctx, [...new Set(rows.map((r) => r.input.customer))]);
      return rows.map(({ row, input }) => {
        const problems: RowProblem[] = [];
        const c = customer(input.customer);
        if ("reason" in c) problems.push({ row, field: "customer", reason: c.reason });
        let tp: TouchpointRef | null = null;
        if (input.touchpoint) {
          const found = findTouchpoint(refs, input.touchpoint);
          if ("reason" in found) problems.push({ row, field: "touchpoint", reason: found.reason });
          else tp = found;
        }
        const channelId = input.channel ? findChannel(refs, input.channel) : undefined;
        if (input.channel && !channelId)
          problems.push({ row, field: "channel", reason: `No channel with the key "${input.channel.slice(0, 60)}"` });
        const staffId = input.staff ? refs.staff.get(input.staff.toLowerCase()) : undefined;
        if (input.staff && !staffId)
          problems.push({
            row,
            field: "staff",
            reason: `${input.staff.slice(0, 80)} is not a member of this organization`,
          });
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
    finish: lastSeen.finish,

    /** New interactions in multi-row INSERTs; rows whose clientId is already stored are skipped. No cases are opened;
     * recent ones fire triggers. */
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
            const found = await tx.interaction.findMany({
              where: { orgId: ctx.orgId, OR: [{ clientId: { in: chunk } }, { id: { in: chunk } }] },
              select: { id: true, clientId: true },
            });
            for (const f of found) stored.add(f.id).add(f.clientId);
          }
          const fresh = rows.filter((r) => !r.clientId || !stored.has(r.clientId));
          const now = new Date();
          // The unit (docs/hierarchy.md, "Attribution"): the staff column counts as the member who logged it.
          const units = await attributeRows(
            tx,
            ctx.orgId,
            fresh.map((r) => ({ staffUserId: r.staffId, touchpointId: r.touchpointId, customerId: r.customerId })),
          );
          const inserted = fresh.map((r, k) => ({
            id: newId(),
            orgId: ctx.orgId,
            ...r,
            unitId: units[k].unitId,
            source: "import",
            createdAt: now,
          }));
          await insertBatches(tx, "Interaction", "interactions", inserted);
          await analyseOnWrite(tx, { interactions: inserted }); // sentiment and themes of the notes
          // Recent interactions fire the organization's triggers in this transaction (older ones are history:
          // lib/triggers/fire.ts), so a batch that rolls back invites no one.
          await fireInteractionTriggers(tx, ctx.orgId, inserted, now);
          for (const r of fresh) lastSeen.note(r.customerId, r.occurredAt);
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

export const prepareInteractionImport = (ctx: Ctx, source: Source, options: ImportOptions) =>
  prepareImport(interactionKind, ctx, source, options);
