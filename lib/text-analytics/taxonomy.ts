// An organization's taxonomy (docs/text-analytics.md, "An organization's taxonomy"): its themes and their phrases per
// language, compiled once per version and kept in memory. An organization without a TextTaxonomy row uses the
// starter taxonomy (version 0); the first time its themes are read or edited, the starter taxonomy is copied into
// its own rows (ensureTaxonomy: one INSERT … ON CONFLICT DO NOTHING decides which request copies, on SQLite and
// PostgreSQL alike). Every change bumps the version, and texts analysed with an older one are re-analysed in the
// background (lib/text-analytics/retag.ts).
import { starterThemeName } from "../orgs/defaults";
import { settingsObject } from "../orgs/settings";
import { orgLocale } from "../orgs/settings-service";
import { db, Prisma, type Db } from "../db";
import { insertBatches, newId } from "../db-bulk";
import { compileTaxonomy, starterTaxonomy, STARTER_TAXONOMY, type CompiledTaxonomy } from "../text/analyse";
import type { ThemeDefinition } from "../text/taxonomy";

type Tx = Prisma.TransactionClient;

export type OrgTaxonomy = { version: number; compiled: CompiledTaxonomy };

/** What the write paths need of an organization: its taxonomy and the language its staff write notes in. */
export type OrgTextContext = OrgTaxonomy & { defaultLanguage: string };

const CACHE_LIMIT = 500;
const cache = new Map<string, OrgTaxonomy>();

/** The organization's own themes that match (not archived), as the analyser takes them. */
export async function loadThemes(tx: Tx | Db, orgId: string): Promise<ThemeDefinition[]> {
  const themes = await tx.textTheme.findMany({
    where: { orgId, archivedAt: null },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: {
      key: true,
      name: true,
      phrases: { select: { language: true, phrase: true }, orderBy: { phrase: "asc" } },
    },
  });
  return themes.map((t) => ({
    id: t.key,
    label: t.name,
    phrases: {
      en: t.phrases.filter((p) => p.language === "en").map((p) => p.phrase),
      de: t.phrases.filter((p) => p.language === "de").map((p) => p.phrase),
    },
  }));
}

/** The organization's default locale (settings.defaultLocale), else English: the language of its staff's notes. */
function defaultLanguage(raw: unknown): string {
  const locale = settingsObject(raw).defaultLocale;
  return typeof locale === "string" && locale.trim() ? locale : "en";
}

/** Each organization's current taxonomy (compiled, cached per version) and default language: one query for all. */
export async function textContexts(tx: Tx | Db, orgIds: readonly string[]): Promise<Map<string, OrgTextContext>> {
  const ids = [...new Set(orgIds)];
  // One plain query (a Prisma relation read costs several times more on the write path of every comment).
  const rows = await tx.$queryRaw<{ id: string; settings: unknown; version: number | bigint | null }[]>`
    SELECT o."id", o."settings", t."version" FROM "Organization" o LEFT JOIN "TextTaxonomy" t ON t."orgId" = o."id"
    WHERE o."id" IN (${Prisma.join(ids)})`;
  const out = new Map<string, OrgTextContext>();
  for (const row of rows) {
    const version = row.version === null ? null : Number(row.version);
    let taxonomy: OrgTaxonomy;
    if (version === null) taxonomy = { version: 0, compiled: starterTaxonomy() };
    else {
      const hit = cache.get(row.id);
      if (hit && hit.version === version) taxonomy = hit;
      else {
        taxonomy = { version, compiled: compileTaxonomy(await loadThemes(tx, row.id)) };
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
        cache.set(row.id, taxonomy);
      }
    }
    const ctx = { ...taxonomy, defaultLanguage: defaultLanguage(row.settings) };
    out.set(row.id, ctx);
    contexts.set(row.id, { ...ctx, readAt: Date.now() });
  }
  return out;
}

/** How long this process trusts what it read of an organization: its default language (the taxonomy version is
 * checked by every insert, lib/text-analytics/store.ts). */
const CONTEXT_TTL_MS = 60_000;
const contexts = new Map<string, OrgTextContext & { readAt: number }>();

/** textContexts from this process's memory when read in the last minute; the write paths use it. */
export async function cachedTextContexts(tx: Tx | Db, orgIds: readonly string[]): Promise<Map<string, OrgTextContext>> {
  const now = Date.now();
  const out = new Map<string, OrgTextContext>();
  const missing: string[] = [];
  for (const id of new Set(orgIds)) {
    const hit = contexts.get(id);
    if (hit && now - hit.readAt < CONTEXT_TTL_MS) out.set(id, hit);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  for (const [id, ctx] of await textContexts(tx, missing)) {
    if (contexts.size >= CACHE_LIMIT) contexts.delete(contexts.keys().next().value!);
    contexts.set(id, { ...ctx, readAt: now });
    out.set(id, ctx);
  }
  return out;
}

/** The organization's taxonomy version now (0 before its first change). */
export async function taxonomyVersion(tx: Tx | Db, orgId: string): Promise<number> {
  const row = await tx.textTaxonomy.findUnique({ where: { orgId }, select: { version: true } });
  return row?.version ?? 0;
}

/**
 * Copies the starter taxonomy into the organization's own rows, once: the request whose INSERT of the TextTaxonomy
 * row wins copies it (a racing one waits for that row and copies nothing). Themes the organization already has
 * (by key) are kept; then the content differs from the starter taxonomy, so the version starts at 1.
 */
export async function ensureTaxonomy(orgId: string): Promise<void> {
  if (await db.textTaxonomy.findUnique({ where: { orgId }, select: { orgId: true } })) return;
  await db.$transaction(async (tx) => {
    const now = new Date();
    const existing = await tx.textTheme.findMany({ where: { orgId }, select: { key: true } });
    const won = await tx.$queryRaw<{ orgId: string }[]>`
      INSERT INTO "TextTaxonomy" ("orgId", "version", "createdAt", "updatedAt")
      VALUES (${orgId}, ${existing.length > 0 ? 1 : 0}, ${now}, ${now})
      ON CONFLICT ("orgId") DO NOTHING RETURNING "orgId"`;
    if (won.length === 0) return;
    const have = new Set(existing.map((t) => t.key));
    const locale = await orgLocale(orgId, tx); // the themes are named in the organization's language
    const themes: object[] = [];
    const phrases: object[] = [];
    STARTER_TAXONOMY.forEach((def, position) => {
      if (have.has(def.id)) return;
      const id = newId();
      themes.push({
        id,
        orgId,
        key: def.id,
        name: starterThemeName(locale, def.id, def.label),
        position,
        createdAt: now,
        updatedAt: now,
      });
      for (const language of ["en", "de"] as const)
        for (const phrase of new Set(def.phrases[language] ?? []))
          phrases.push({ id: newId(), orgId, themeId: id, language, phrase });
    });
    await insertBatches(tx, "TextTheme", "themes", themes);
    await insertBatches(tx, "TextThemePhrase", "phrases", phrases);
  });
}

/**
 * Marks a change of the organization's taxonomy (in the change's transaction): the version goes up by one. The row
 * update also serialises two changes at once, so that exactly one re-analysis job is queued for them.
 */
export async function bumpTaxonomyVersion(tx: Tx, orgId: string): Promise<number> {
  const row = await tx.textTaxonomy.update({
    where: { orgId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  return row.version;
}
