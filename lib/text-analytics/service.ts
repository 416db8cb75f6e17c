// An organization's taxonomy and the analysis of its history, for the API (/api/v1/text/…) and Settings → Text
// analytics (docs/text-analytics.md). Reading needs any role; changing themes and starting the analysis of history
// needs a manager. A change of what matches (phrases, archiving, a new or deleted theme) bumps the taxonomy version and
// queues the re-analysis job in the same transaction; a new name changes nothing stored (matches name the key).
import { db, Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import { NotFoundError, ValidationError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { latestJob, toJobDto, type BackgroundJobDto } from "../jobs/runner";
import { TEXT_ANALYSIS_JOB, textsToAnalyse } from "./retag";
import { bumpTaxonomyVersion, ensureTaxonomy, taxonomyVersion } from "./taxonomy";
import { MAX_THEMES, THEME_LANGUAGES, type CreateThemeInput, type UpdateThemeInput } from "./schema";

type Tx = Prisma.TransactionClient;

const themeSelect = {
  id: true,
  key: true,
  name: true,
  position: true,
  archivedAt: true,
  updatedAt: true,
  phrases: { select: { language: true, phrase: true }, orderBy: { phrase: "asc" } },
} satisfies Prisma.TextThemeSelect;
type ThemeRow = Prisma.TextThemeGetPayload<{ select: typeof themeSelect }>;

export type ThemeDto = {
  id: string;
  key: string;
  name: string;
  position: number;
  archived: boolean;
  phrases: { en: string[]; de: string[] };
  updatedAt: Date;
};

function toDto(t: ThemeRow): ThemeDto {
  const of = (language: string) => t.phrases.filter((p) => p.language === language).map((p) => p.phrase);
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    position: t.position,
    archived: t.archivedAt !== null,
    phrases: { en: of("en"), de: of("de") },
    updatedAt: t.updatedAt,
  };
}

/** The organization's themes (archived ones last) and its taxonomy version; the starter taxonomy on first use. */
export async function listThemes(ctx: Ctx): Promise<{ version: number; themes: ThemeDto[] }> {
  await ensureTaxonomy(ctx.orgId);
  const [version, rows] = await Promise.all([
    taxonomyVersion(db, ctx.orgId),
    db.textTheme.findMany({
      where: { orgId: ctx.orgId },
      orderBy: [{ position: "asc" }, { key: "asc" }],
      select: themeSelect,
    }),
  ]);
  const themes = rows.map(toDto);
  return { version, themes: [...themes.filter((t) => !t.archived), ...themes.filter((t) => t.archived)] };
}

async function findTheme(client: Tx | typeof db, ctx: Ctx, id: string): Promise<ThemeRow> {
  const row = await client.textTheme.findFirst({ where: { id, orgId: ctx.orgId }, select: themeSelect });
  if (!row) throw new NotFoundError("Theme");
  return row;
}

export async function getTheme(ctx: Ctx, id: string): Promise<ThemeDto> {
  await ensureTaxonomy(ctx.orgId);
  return toDto(await findTheme(db, ctx, id));
}

/** Queues the re-analysis of history in the transaction of a change (or answers the one already queued/running). */
async function queueAnalysis(tx: Tx, ctx: Ctx): Promise<{ id: string; created: boolean }> {
  const active = await tx.backgroundJob.findFirst({
    where: { orgId: ctx.orgId, kind: TEXT_ANALYSIS_JOB, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (active) return { id: active.id, created: false };
  const job = await tx.backgroundJob.create({
    data: { orgId: ctx.orgId, kind: TEXT_ANALYSIS_JOB, total: 0, createdById: ctx.userId },
    select: { id: true },
  });
  return { id: job.id, created: true };
}

/** The job's total for the progress bar, once the change is committed: what it has done plus what is left. */
async function countTotal(orgId: string, jobId: string) {
  const left = await textsToAnalyse(db, orgId);
  const job = await db.backgroundJob.findUniqueOrThrow({ where: { id: jobId }, select: { done: true } });
  return db.backgroundJob.update({ where: { id: jobId }, data: { total: job.done + left } });
}

/** What a theme's change records: its key and the fields changed (named, so the audit log can label them). */
type ThemeAuditData = { key: string; changed?: (keyof UpdateThemeInput)[] };

/**
 * A change of the taxonomy: in one transaction that first takes the organization's TextTaxonomy row (so that two
 * changes at once queue one job), `change` writes; when it changed what matches, the version goes up and the
 * re-analysis is queued.
 */
async function changeTaxonomy<T>(
  ctx: Ctx,
  change: (
    tx: Tx,
  ) => Promise<{ value: T; retag: boolean; audit: { action: string; entityId: string; data: ThemeAuditData } }>,
): Promise<T> {
  await ensureTaxonomy(ctx.orgId);
  let outcome: { value: T; job: { id: string } | null };
  try {
    outcome = await db.$transaction(async (tx) => {
      await tx.textTaxonomy.update({ where: { orgId: ctx.orgId }, data: { updatedAt: new Date() } }); // the lock
      const { value, retag, audit } = await change(tx);
      const version = retag ? await bumpTaxonomyVersion(tx, ctx.orgId) : null;
      const job = retag ? await queueAnalysis(tx, ctx) : null;
      await recordAudit(
        ctx,
        { action: audit.action, entityType: "TextTheme", entityId: audit.entityId, data: { ...audit.data, version } },
        tx,
      );
      return { value, job };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ValidationError([{ name: "key", reason: "Another theme has this key", in: "body" }]);
    throw error;
  }
  if (outcome.job) await countTotal(ctx.orgId, outcome.job.id);
  return outcome.value;
}

async function writePhrases(tx: Tx, ctx: Ctx, themeId: string, phrases: CreateThemeInput["phrases"]) {
  await tx.textThemePhrase.deleteMany({ where: { themeId } });
  const data = THEME_LANGUAGES.flatMap((language) =>
    phrases[language].map((phrase) => ({ orgId: ctx.orgId, themeId, language, phrase })),
  );
  if (data.length) await tx.textThemePhrase.createMany({ data });
}

export function createTheme(ctx: Ctx, input: CreateThemeInput): Promise<ThemeDto> {
  return changeTaxonomy(ctx, async (tx) => {
    if (await tx.textTheme.findFirst({ where: { orgId: ctx.orgId, key: input.key }, select: { id: true } }))
      throw new ValidationError([{ name: "key", reason: "Another theme has this key", in: "body" }]);
    // Every comment is matched against every phrase of the taxonomy, at write time: the taxonomy stays bounded.
    if ((await tx.textTheme.count({ where: { orgId: ctx.orgId } })) >= MAX_THEMES)
      throw new ValidationError([
        { name: "key", reason: `At most ${MAX_THEMES} themes (archived ones count): delete one first`, in: "body" },
      ]);
    const last = await tx.textTheme.aggregate({ where: { orgId: ctx.orgId }, _max: { position: true } });
    const theme = await tx.textTheme.create({
      data: { orgId: ctx.orgId, key: input.key, name: input.name, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    await writePhrases(tx, ctx, theme.id, input.phrases);
    const value = toDto(await findTheme(tx, ctx, theme.id));
    return {
      value,
      retag: true,
      audit: { action: "text.theme_created", entityId: theme.id, data: { key: input.key } },
    };
  });
}

/** The same phrases, in any order (they are listed alphabetically). */
const samePhrases = (a: ThemeDto["phrases"], b: ThemeDto["phrases"]) =>
  THEME_LANGUAGES.every((l) => {
    const [x, y] = [[...a[l]].sort(), [...b[l]].sort()];
    return x.length === y.length && x.every((p, i) => p === y[i]);
  });

export function updateTheme(ctx: Ctx, id: string, input: UpdateThemeInput): Promise<ThemeDto> {
  return changeTaxonomy(ctx, async (tx) => {
    const before = toDto(await findTheme(tx, ctx, id));
    const phrasesChanged = input.phrases !== undefined && !samePhrases(before.phrases, input.phrases);
    const archivedChanged = input.archived !== undefined && input.archived !== before.archived;
    await tx.textTheme.update({
      where: { id },
      data: {
        name: input.name,
        ...(archivedChanged ? { archivedAt: input.archived ? new Date() : null } : {}),
      },
    });
    if (phrasesChanged) await writePhrases(tx, ctx, id, input.phrases!);
    const value = toDto(await findTheme(tx, ctx, id));
    const changed = (Object.keys(input) as (keyof UpdateThemeInput)[]).filter((k) => k !== "phrases" || phrasesChanged);
    return {
      value,
      retag: phrasesChanged || archivedChanged,
      audit: { action: "text.theme_updated", entityId: id, data: { key: before.key, changed } },
    };
  });
}

/** Deletes the theme and its phrases; its stored matches go with the re-analysis. */
export function deleteTheme(ctx: Ctx, id: string): Promise<void> {
  return changeTaxonomy(ctx, async (tx) => {
    const before = await findTheme(tx, ctx, id);
    await tx.textTheme.delete({ where: { id } });
    return {
      value: undefined,
      retag: before.archivedAt === null,
      audit: { action: "text.theme_deleted", entityId: id, data: { key: before.key } },
    };
  });
}

export type TextAnalysisStatus = { version: number; pending: number; job: BackgroundJobDto | null };

/** The latest analysis of history (null before the first), and how many texts are not analysed at the current versions. */
export async function textAnalysisStatus(ctx: Ctx): Promise<TextAnalysisStatus> {
  const [version, job] = await Promise.all([taxonomyVersion(db, ctx.orgId), latestJob(ctx.orgId, TEXT_ANALYSIS_JOB)]);
  // While a job runs (the page asks every 1.5 s) what is left is its own count; counting history is for when idle.
  const running = job && (job.status === "queued" || job.status === "running");
  const pending = running ? Math.max(0, job.total - job.done) : await textsToAnalyse(db, ctx.orgId);
  return { version, pending, job: job ? toJobDto(job) : null };
}

/** Starts analysing history (texts not analysed at the current versions), or answers the job already running. */
export async function startTextAnalysis(ctx: Ctx): Promise<{ job: BackgroundJobDto; started: boolean }> {
  await ensureTaxonomy(ctx.orgId);
  const queued = await db.$transaction(async (tx) => {
    await tx.textTaxonomy.update({ where: { orgId: ctx.orgId }, data: { updatedAt: new Date() } }); // the lock
    const job = await queueAnalysis(tx, ctx);
    if (job.created)
      await recordAudit(ctx, { action: "text.analysis_started", entityType: "BackgroundJob", entityId: job.id }, tx);
    return job;
  });
  const job = queued.created
    ? await countTotal(ctx.orgId, queued.id)
    : await db.backgroundJob.findUniqueOrThrow({ where: { id: queued.id } });
  return { job: toJobDto(job), started: queued.created };
}
