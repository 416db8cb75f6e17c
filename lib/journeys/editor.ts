// The journey editor's writes (issue #6): stages (add, rename, blueprint lanes, reorder, archive/restore) and
// touchpoints with their promise (add, edit, move within the journey, archive/restore). Archiving never
// deletes: interactions and responses keep pointing at archived rows, so history stays in the reports.
// Every id is looked up inside the caller's organization (another organization's id is a 404) and every
// write records an AuditEvent in the same transaction.
import { checkUnitRef } from "../units/service";
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError } from "../errors";
import { recordAudit } from "../audit/service";
import type { StageCreate, StageOrder, StageUpdate, TouchpointCreate, TouchpointUpdate } from "./editor-schema";
import { orderProblems, placeAt, positionsFor } from "./reorder";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const channelSelect = { select: { id: true, key: true, name: true } } as const;

type StageRow = NonNullable<Awaited<ReturnType<typeof db.stage.findFirst>>>;
type TouchpointRow = NonNullable<Awaited<ReturnType<typeof db.touchpoint.findFirst>>> & {
  channel: { id: string; key: string; name: string } | null;
};

function stageDto(s: StageRow) {
  return {
    id: s.id,
    journeyId: s.journeyId,
    name: s.name,
    position: s.position,
    description: s.description,
    archivedAt: s.archivedAt,
    blueprint: {
      customerAction: s.customerAction,
      frontstage: s.frontstage,
      backstage: s.backstage,
      supportSystems: s.supportSystems,
    },
  };
}

function touchpointDto(t: TouchpointRow) {
  return {
    id: t.id,
    journeyId: t.journeyId,
    stageId: t.stageId,
    name: t.name,
    description: t.description,
    kind: t.kind,
    position: t.position,
    channel: t.channel,
    promise: t.promise,
    targets: { csat: t.targetCsat, ces: t.targetCes, nps: t.targetNps },
    servqualDimension: t.servqualDimension,
    unitId: t.unitId,
    archivedAt: t.archivedAt,
  };
}

export type EditorJourney = Awaited<ReturnType<typeof getJourneyForEditor>>;
export type EditorStage = EditorJourney["stages"][number];
export type EditorTouchpoint = EditorStage["touchpoints"][number];

/** The whole journey as the editor shows it: active stages in order, then archived ones; archived touchpoints included. */
export async function getJourneyForEditor(ctx: Ctx, id: string) {
  const j = await db.journey.findFirst({
    where: { id, orgId: ctx.orgId },
    include: {
      stages: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: {
          touchpoints: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], include: { channel: channelSelect } },
        },
      },
    },
  });
  if (!j) throw new NotFoundError("Journey");
  const stages = [...j.stages.filter((s) => !s.archivedAt), ...j.stages.filter((s) => s.archivedAt)];
  return {
    id: j.id,
    name: j.name,
    description: j.description,
    archivedAt: j.archivedAt,
    stages: stages.map((s) => ({ ...stageDto(s), touchpoints: s.touchpoints.map(touchpointDto) })),
  };
}

async function journeyOrThrow(ctx: Ctx, id: string, tx: Tx | typeof db = db) {
  const j = await tx.journey.findFirst({ where: { id, orgId: ctx.orgId }, select: { id: true } });
  if (!j) throw new NotFoundError("Journey");
  return j;
}

async function stageOrThrow(ctx: Ctx, id: string, tx: Tx | typeof db = db) {
  const s = await tx.stage.findFirst({ where: { id, orgId: ctx.orgId } });
  if (!s) throw new NotFoundError("Stage");
  return s;
}

/** A channel of the caller's organization: another organization's is a 404, an archived one a named bad field. */
async function checkChannel(ctx: Ctx, channelId: string | null | undefined, tx: Tx) {
  if (!channelId) return;
  const c = await tx.channel.findFirst({ where: { id: channelId, orgId: ctx.orgId }, select: { archivedAt: true } });
  if (!c) throw new NotFoundError("Channel");
  if (c.archivedAt) throw new ValidationError([{ name: "channelId", reason: "This channel is archived", in: "body" }]);
}

async function nextStagePosition(journeyId: string, tx: Tx) {
  const last = await tx.stage.aggregate({ where: { journeyId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function createStage(ctx: Ctx, journeyId: string, input: StageCreate) {
  return db.$transaction(async (tx) => {
    await journeyOrThrow(ctx, journeyId, tx);
    const stage = await tx.stage.create({
      data: { orgId: ctx.orgId, journeyId, position: await nextStagePosition(journeyId, tx), ...input },
    });
    await recordAudit(
      ctx,
      { action: "stage.created", entityType: "Stage", entityId: stage.id, data: { journeyId, name: stage.name } },
      tx,
    );
    return stageDto(stage);
  });
}

export async function updateStage(ctx: Ctx, id: string, input: StageUpdate) {
  return db.$transaction(async (tx) => {
    const existing = await stageOrThrow(ctx, id, tx);
    const { archived, ...fields } = input;
    const restoring = archived === false && existing.archivedAt !== null;
    const stage = await tx.stage.update({
      where: { id },
      data: {
        ...fields,
        ...(archived === undefined ? {} : { archivedAt: archived ? (existing.archivedAt ?? new Date()) : null }),
        // A restored stage comes back at the end of the journey.
        ...(restoring ? { position: await nextStagePosition(existing.journeyId, tx) } : {}),
      },
    });
    const action = archived === true ? "stage.archived" : restoring ? "stage.restored" : "stage.updated";
    await recordAudit(ctx, { action, entityType: "Stage", entityId: id, data: { fields: Object.keys(input) } }, tx);
    return stageDto(stage);
  });
}

/** Sets the order of the journey's active stages; the list must name each of them exactly once. */
export async function reorderStages(ctx: Ctx, journeyId: string, input: StageOrder) {
  return db.$transaction(async (tx) => {
    await journeyOrThrow(ctx, journeyId, tx);
    const stages = await tx.stage.findMany({
      where: { journeyId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, archivedAt: true },
    });
    const active = stages.filter((s) => !s.archivedAt).map((s) => s.id);
    const problems = orderProblems(active, input.stageIds);
    if (problems.length) throw new ValidationError(problems);
    const positions = positionsFor(
      input.stageIds,
      stages.filter((s) => s.archivedAt).map((s) => s.id),
    );
    for (const [id, position] of positions) await tx.stage.update({ where: { id }, data: { position } });
    await recordAudit(
      ctx,
      {
        action: "journey.stages_reordered",
        entityType: "Journey",
        entityId: journeyId,
        data: { stageIds: input.stageIds },
      },
      tx,
    );
    const ordered = await tx.stage.findMany({ where: { journeyId, archivedAt: null }, orderBy: { position: "asc" } });
    return ordered.map(stageDto);
  });
}

/** Renumbers a stage's touchpoints: the active ones 0..n-1 in the given order, archived ones after them. */
async function renumberTouchpoints(stageId: string, orderedActiveIds: string[], tx: Tx) {
  const archived = await tx.touchpoint.findMany({
    where: { stageId, archivedAt: { not: null } },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const positions = positionsFor(
    orderedActiveIds,
    archived.map((t) => t.id),
  );
  for (const [id, position] of positions) await tx.touchpoint.update({ where: { id }, data: { position } });
}

async function activeTouchpointIds(stageId: string, tx: Tx, except?: string) {
  const rows = await tx.touchpoint.findMany({
    where: { stageId, archivedAt: null, ...(except ? { id: { not: except } } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

function promiseData(input: Omit<TouchpointUpdate, "stageId" | "position" | "archived">) {
  return {
    name: input.name,
    description: input.description,
    kind: input.kind,
    channelId: input.channelId,
    promise: input.promise,
    targetCsat: input.targetCsat,
    targetCes: input.targetCes,
    targetNps: input.targetNps,
    servqualDimension: input.servqualDimension,
    unitId: input.unitId,
  };
}

export async function createTouchpoint(ctx: Ctx, input: TouchpointCreate) {
  return db.$transaction(async (tx) => {
    const stage = await stageOrThrow(ctx, input.stageId, tx);
    if (stage.archivedAt)
      throw new ValidationError([{ name: "stageId", reason: "This stage is archived; restore it first", in: "body" }]);
    await checkChannel(ctx, input.channelId, tx);
    await checkUnitRef(tx, ctx.orgId, input.unitId);
    const position = (await activeTouchpointIds(stage.id, tx)).length;
    const tp = await tx.touchpoint.create({
      data: {
        ...promiseData(input),
        name: input.name,
        kind: input.kind,
        orgId: ctx.orgId,
        journeyId: stage.journeyId,
        stageId: stage.id,
        position,
      },
      include: { channel: channelSelect },
    });
    await recordAudit(
      ctx,
      {
        action: "touchpoint.created",
        entityType: "Touchpoint",
        entityId: tp.id,
        data: { stageId: stage.id, name: tp.name },
      },
      tx,
    );
    return touchpointDto(tp);
  });
}

export async function updateTouchpoint(ctx: Ctx, id: string, input: TouchpointUpdate) {
  return db.$transaction(async (tx) => {
    const existing = await tx.touchpoint.findFirst({ where: { id, orgId: ctx.orgId } });
    if (!existing) throw new NotFoundError("Touchpoint");
    const { stageId, position, archived, ...fields } = input;
    const targetStageId = stageId ?? existing.stageId;
    if (targetStageId !== existing.stageId) {
      const target = await stageOrThrow(ctx, targetStageId, tx);
      const problems = [];
      if (target.journeyId !== existing.journeyId)
        problems.push({ name: "stageId", reason: "Must be a stage of the same journey", in: "body" as const });
      else if (target.archivedAt)
        problems.push({ name: "stageId", reason: "This stage is archived; restore it first", in: "body" as const });
      if (problems.length) throw new ValidationError(problems);
    }
    await checkChannel(ctx, fields.channelId, tx);
    if (fields.unitId !== existing.unitId) await checkUnitRef(tx, ctx.orgId, fields.unitId);
    const willBeArchived = archived ?? existing.archivedAt !== null;
    const tp = await tx.touchpoint.update({
      where: { id },
      data: {
        ...promiseData(fields),
        stageId: targetStageId,
        ...(archived === undefined ? {} : { archivedAt: archived ? (existing.archivedAt ?? new Date()) : null }),
      },
      include: { channel: channelSelect },
    });
    const moved =
      targetStageId !== existing.stageId ||
      position !== undefined ||
      (archived === false && existing.archivedAt !== null);
    if (moved && !willBeArchived) {
      const others = await activeTouchpointIds(targetStageId, tx, id);
      await renumberTouchpoints(targetStageId, placeAt(others, id, position ?? others.length), tx);
    }
    if (targetStageId !== existing.stageId || archived === true)
      await renumberTouchpoints(existing.stageId, await activeTouchpointIds(existing.stageId, tx), tx);
    const action =
      archived === true
        ? "touchpoint.archived"
        : archived === false && existing.archivedAt
          ? "touchpoint.restored"
          : moved
            ? "touchpoint.moved"
            : "touchpoint.updated";
    await recordAudit(
      ctx,
      {
        action,
        entityType: "Touchpoint",
        entityId: id,
        data: { fields: Object.keys(input), ...(moved ? { from: existing.stageId, to: targetStageId } : {}) },
      },
      tx,
    );
    return touchpointDto({
      ...tp,
      position: (await tx.touchpoint.findFirstOrThrow({ where: { id }, select: { position: true } })).position,
    });
  });
}
