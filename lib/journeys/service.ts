// Journeys → ordered stages → touchpoints with their promise. The editor (issue #6) builds on these.
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/service";
import type { JourneyCreate, JourneyUpdate } from "./schema";

export async function listJourneys(ctx: Ctx, opts: { includeArchived?: boolean } = {}) {
  const rows = await db.journey.findMany({
    where: { orgId: ctx.orgId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { _count: { select: { stages: true, touchpoints: true } } },
  });
  return rows.map((j) => ({
    id: j.id,
    name: j.name,
    description: j.description,
    archivedAt: j.archivedAt,
    createdAt: j.createdAt,
    stageCount: j._count.stages,
    touchpointCount: j._count.touchpoints,
  }));
}

export async function getJourney(ctx: Ctx, id: string) {
  const j = await db.journey.findFirst({
    where: { id, orgId: ctx.orgId },
    include: {
      stages: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        // Archived touchpoints with history stay on the map: their interactions and responses still count.
        include: {
          touchpoints: {
            where: { OR: [{ archivedAt: null }, { interactions: { some: {} } }, { responses: { some: {} } }] },
            orderBy: [{ position: "asc" }, { name: "asc" }],
            include: { channel: { select: { id: true, key: true, name: true } } },
          },
        },
      },
    },
  });
  if (!j) throw new NotFoundError("Journey");
  return {
    id: j.id,
    name: j.name,
    description: j.description,
    archivedAt: j.archivedAt,
    stages: j.stages.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      description: s.description,
      blueprint: {
        customerAction: s.customerAction,
        frontstage: s.frontstage,
        backstage: s.backstage,
        supportSystems: s.supportSystems,
      },
      touchpoints: s.touchpoints.map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        channel: t.channel,
        promise: t.promise,
        targets: { csat: t.targetCsat, ces: t.targetCes, nps: t.targetNps },
        servqualDimension: t.servqualDimension,
        archivedAt: t.archivedAt,
      })),
    })),
  };
}

export async function createJourney(ctx: Ctx, input: JourneyCreate) {
  const journey = await db.$transaction(async (tx) => {
    const j = await tx.journey.create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        description: input.description,
        stages: { create: input.stages.map((s, position) => ({ orgId: ctx.orgId, name: s.name, position })) },
      },
    });
    await recordAudit(
      ctx,
      { action: "journey.created", entityType: "Journey", entityId: j.id, data: { name: j.name } },
      tx,
    );
    return j;
  });
  return getJourney(ctx, journey.id);
}

export async function updateJourney(ctx: Ctx, id: string, input: JourneyUpdate) {
  const existing = await db.journey.findFirst({
    where: { id, orgId: ctx.orgId },
    select: { id: true, archivedAt: true },
  });
  if (!existing) throw new NotFoundError("Journey");
  await db.$transaction(async (tx) => {
    await tx.journey.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        ...(input.archived === undefined
          ? {}
          : { archivedAt: input.archived ? (existing.archivedAt ?? new Date()) : null }),
      },
    });
    const action = input.archived
      ? "journey.archived"
      : input.archived === false && existing.archivedAt
        ? "journey.restored"
        : "journey.updated";
    await recordAudit(ctx, { action, entityType: "Journey", entityId: id, data: { fields: Object.keys(input) } }, tx);
  });
  return getJourney(ctx, id);
}

export async function listChannels(ctx: Ctx) {
  return db.channel.findMany({
    where: { orgId: ctx.orgId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, key: true, name: true },
  });
}

export async function listTouchpoints(ctx: Ctx) {
  const rows = await db.touchpoint.findMany({
    where: { orgId: ctx.orgId, archivedAt: null, journey: { archivedAt: null } },
    orderBy: [{ journey: { createdAt: "asc" } }, { stage: { position: "asc" } }, { position: "asc" }],
    include: {
      journey: { select: { id: true, name: true } },
      stage: { select: { id: true, name: true, position: true } },
      channel: { select: { id: true, key: true, name: true } },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    journey: t.journey,
    stage: t.stage,
    channel: t.channel,
    promise: t.promise,
    targets: { csat: t.targetCsat, ces: t.targetCes, nps: t.targetNps },
  }));
}
