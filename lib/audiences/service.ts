// Audiences (docs/distribution.md, "Audiences"): saved groups of customers, live definitions evaluated at query
// time or static lists uploaded as CSV, with a preview of who matches and why some of them cannot be reached by
// e-mail. Managers and admins; every write is audited; another organization's audience is a 404.
import { db, Prisma, provider } from "../db";
import type { Ctx } from "../auth/ctx";
import { NotFoundError, ValidationError, type InvalidParam } from "../errors";
import { pageArgs, toPage, type PaginationQuery } from "../http/pagination";
import { recordAudit } from "../audit/service";
import { audienceWhere, exclusionCase, EXCLUSION_REASONS, type ExclusionReason } from "./compile";
import { readStoredDefinition, type AudienceDefinition, type DefinitionProblem } from "./definition";
import { readStaticMembers } from "./members-csv";
import type { Source } from "../import/csv";
import type { CreateAudienceInput, UpdateAudienceInput } from "./schema";

type AudienceRow = Prisma.AudienceGetPayload<{ include: { _count: { select: { members: true } } } }>;

function toDto(a: AudienceRow) {
  const { definition, problems } = readStoredDefinition(a.definition);
  return {
    id: a.id,
    name: a.name,
    kind: a.kind as "live" | "static",
    /** Null when the stored definition no longer parses: the audience then matches no one (`definitionProblems`). */
    definition,
    /** What is wrong with a stored definition that no longer parses (named by path); null when it is valid. */
    definitionProblems: problems as DefinitionProblem[] | null,
    /** Static audiences: how many customers the uploaded list resolved to. */
    members: a.kind === "static" ? a._count.members : null,
    createdById: a.createdById,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
export type AudienceDto = ReturnType<typeof toDto>;

const include = { _count: { select: { members: true } } } as const;

async function findOwn(ctx: Ctx, id: string): Promise<AudienceRow> {
  const a = await db.audience.findFirst({ where: { id, orgId: ctx.orgId }, include });
  if (!a) throw new NotFoundError("Audience");
  return a;
}

/** Touchpoints and journeys named by criteria must be this organization's: 400 naming the field otherwise. */
async function checkReferences(ctx: Ctx, definition: AudienceDefinition, prefix = "definition") {
  const problems: InvalidParam[] = [];
  const touchpointIds = new Set<string>();
  const journeyIds = new Set<string>();
  for (const c of definition.criteria) {
    if (c.type === "interaction" && c.touchpointId) touchpointIds.add(c.touchpointId);
    if (c.type === "journey") journeyIds.add(c.journeyId);
  }
  const [touchpoints, journeys] = await Promise.all([
    touchpointIds.size
      ? db.touchpoint.findMany({ where: { orgId: ctx.orgId, id: { in: [...touchpointIds] } }, select: { id: true } })
      : [],
    journeyIds.size
      ? db.journey.findMany({ where: { orgId: ctx.orgId, id: { in: [...journeyIds] } }, select: { id: true } })
      : [],
  ]);
  const knownTouchpoints = new Set(touchpoints.map((t) => t.id));
  const knownJourneys = new Set(journeys.map((j) => j.id));
  definition.criteria.forEach((c, i) => {
    if (c.type === "interaction" && c.touchpointId && !knownTouchpoints.has(c.touchpointId))
      problems.push({ name: `${prefix}.criteria.${i}.touchpointId`, reason: "No such touchpoint", in: "body" });
    if (c.type === "journey" && !knownJourneys.has(c.journeyId))
      problems.push({ name: `${prefix}.criteria.${i}.journeyId`, reason: "No such journey", in: "body" });
  });
  if (problems.length) throw new ValidationError(problems);
}

export async function listAudiences(ctx: Ctx, q: PaginationQuery) {
  const rows = await db.audience.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include,
    ...pageArgs(q),
  });
  return toPage(rows.map(toDto), q);
}

export async function getAudience(ctx: Ctx, id: string): Promise<AudienceDto> {
  return toDto(await findOwn(ctx, id));
}

export async function createAudience(ctx: Ctx, input: CreateAudienceInput): Promise<AudienceDto> {
  await checkReferences(ctx, input.definition);
  return db.$transaction(async (tx) => {
    const a = await tx.audience.create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        kind: "live",
        definition: input.definition as Prisma.InputJsonValue,
        createdById: ctx.userId,
      },
      include,
    });
    await recordAudit(
      ctx,
      { action: "audience.created", entityType: "Audience", entityId: a.id, data: { name: a.name, kind: "live" } },
      tx,
    );
    return toDto(a);
  });
}

export async function updateAudience(ctx: Ctx, id: string, input: UpdateAudienceInput): Promise<AudienceDto> {
  await findOwn(ctx, id);
  if (input.definition) await checkReferences(ctx, input.definition);
  return db.$transaction(async (tx) => {
    const a = await tx.audience.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.definition ? { definition: input.definition as Prisma.InputJsonValue } : {}),
      },
      include,
    });
    await recordAudit(
      ctx,
      {
        action: "audience.updated",
        entityType: "Audience",
        entityId: id,
        data: { name: a.name, changed: Object.keys(input).filter((k) => k === "name" || k === "definition") },
      },
      tx,
    );
    return toDto(a);
  });
}

export async function deleteAudience(ctx: Ctx, id: string): Promise<void> {
  const a = await findOwn(ctx, id);
  await db.$transaction(async (tx) => {
    await tx.audience.delete({ where: { id } });
    await recordAudit(
      ctx,
      { action: "audience.deleted", entityType: "Audience", entityId: id, data: { name: a.name } },
      tx,
    );
  });
}

/** The members of a static audience: a CSV of e-mail addresses or external ids, checked whole before anything is
 * written (400 naming each bad row), then written in one transaction. */
async function writeMembers(tx: Prisma.TransactionClient, ctx: Ctx, audienceId: string, customerIds: string[]) {
  await tx.audienceMember.deleteMany({ where: { audienceId } });
  for (let i = 0; i < customerIds.length; i += 1000)
    await tx.audienceMember.createMany({
      data: customerIds.slice(i, i + 1000).map((customerId) => ({ audienceId, customerId, orgId: ctx.orgId })),
    });
}

export async function createStaticAudience(ctx: Ctx, name: string, source: Source): Promise<AudienceDto> {
  const { customerIds, rows } = await readStaticMembers(ctx, source);
  return db.$transaction(async (tx) => {
    const a = await tx.audience.create({
      data: { orgId: ctx.orgId, name, kind: "static", definition: { criteria: [] }, createdById: ctx.userId },
    });
    await writeMembers(tx, ctx, a.id, customerIds);
    await recordAudit(
      ctx,
      {
        action: "audience.created",
        entityType: "Audience",
        entityId: a.id,
        data: { name, kind: "static", rows, members: customerIds.length },
      },
      tx,
    );
    return toDto({ ...a, _count: { members: customerIds.length } });
  });
}

/** `upload` is read only once the audience is known to be the caller's and static. */
export async function replaceStaticMembers(ctx: Ctx, id: string, upload: () => Promise<Source>): Promise<AudienceDto> {
  const a = await findOwn(ctx, id);
  if (a.kind !== "static")
    throw new ValidationError([
      { name: "id", reason: "Only a static audience has an uploaded member list", in: "path" },
    ]);
  const { customerIds, rows } = await readStaticMembers(ctx, await upload());
  await db.$transaction(async (tx) => {
    await writeMembers(tx, ctx, id, customerIds);
    await tx.audience.update({ where: { id }, data: { updatedAt: new Date() } });
    await recordAudit(
      ctx,
      {
        action: "audience.members_replaced",
        entityType: "Audience",
        entityId: id,
        data: { name: a.name, rows, members: customerIds.length },
      },
      tx,
    );
  });
  return getAudience(ctx, id);
}

export const SAMPLE_SIZE = 20;

export type AudiencePreview = {
  /** Set when the saved definition no longer parses: nobody matches until it is saved again (docs/distribution.md). */
  definitionProblems?: DefinitionProblem[];
  matched: number;
  reachable: number;
  excluded: Record<ExclusionReason, number>;
  sample: Array<{ id: string; name: string | null; email: string | null; externalId: string | null; href: string }>;
};

type Target = { definition: AudienceDefinition | null; staticAudienceId?: string };

/** One grouped count (matched, by exclusion reason) and the first customers, straight from the database. */
async function previewOf(ctx: Ctx, target: Target, now = new Date()): Promise<AudiencePreview> {
  const where = audienceWhere(
    { orgId: ctx.orgId, provider, now, staticAudienceId: target.staticAudienceId },
    target.definition,
  );
  const [groups, sample] = await Promise.all([
    db.$queryRaw<Array<{ reason: string; n: number | bigint }>>(
      Prisma.sql`SELECT reason, COUNT(*) AS n FROM (SELECT ${exclusionCase()} AS reason FROM "Customer" c WHERE ${where}) x GROUP BY reason`,
    ),
    db.$queryRaw<Array<{ id: string; name: string | null; email: string | null; externalId: string | null }>>(
      Prisma.sql`SELECT c."id", c."name", c."email", c."externalId" FROM "Customer" c WHERE ${where} ORDER BY c."createdAt", c."id" LIMIT ${SAMPLE_SIZE}`,
    ),
  ]);
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  let matched = 0;
  let reachable = 0;
  for (const g of groups) {
    const n = Number(g.n);
    matched += n;
    if (g.reason === "reachable") reachable = n;
    else excluded[g.reason as ExclusionReason] = n;
  }
  return {
    matched,
    reachable,
    excluded,
    sample: sample.map((c) => ({ ...c, href: `/customers/${c.id}` })),
  };
}

/** What a saved audience resolves to: its definition, or null (no one) when the stored one no longer parses. */
function targetOf(a: AudienceRow): Target & { problems: DefinitionProblem[] | null } {
  const { definition, problems } = readStoredDefinition(a.definition);
  return { definition, problems, staticAudienceId: a.kind === "static" ? a.id : undefined };
}

export async function previewAudience(ctx: Ctx, id: string): Promise<AudiencePreview> {
  const target = targetOf(await findOwn(ctx, id));
  const preview = await previewOf(ctx, target);
  return target.problems ? { definitionProblems: target.problems, ...preview } : preview;
}

/**
 * The builder's live preview of a definition before it is saved. Editing a saved static audience (`audienceId`), the
 * criteria narrow its uploaded list, as they will once saved.
 */
export async function previewDefinition(
  ctx: Ctx,
  definition: AudienceDefinition,
  audienceId?: string,
): Promise<AudiencePreview> {
  const saved = audienceId ? await findOwn(ctx, audienceId) : null;
  await checkReferences(ctx, definition);
  return previewOf(ctx, { definition, staticAudienceId: saved?.kind === "static" ? saved.id : undefined });
}

/**
 * The SQL condition over `"Customer" c` that a saved audience resolves to now: what its count uses, and what a wave
 * will resolve its recipients with. A stored definition that no longer parses resolves to no one (`1 = 0`).
 */
export async function resolveAudienceWhere(ctx: Ctx, id: string, now = new Date()): Promise<Prisma.Sql> {
  const target = targetOf(await findOwn(ctx, id));
  return audienceWhere(
    { orgId: ctx.orgId, provider, now, staticAudienceId: target.staticAudienceId },
    target.definition,
  );
}

/** How many customers an audience matches now (the list page, one row at a time). */
export async function countAudience(ctx: Ctx, id: string, now = new Date()): Promise<number> {
  const where = await resolveAudienceWhere(ctx, id, now);
  const [row] = await db.$queryRaw<Array<{ n: number | bigint }>>(
    Prisma.sql`SELECT COUNT(*) AS n FROM "Customer" c WHERE ${where}`,
  );
  return Number(row?.n ?? 0);
}
