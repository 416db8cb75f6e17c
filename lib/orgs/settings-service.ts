// Reading and writing one key of the organization's settings document (settings.ts): a write changes its key in one
// UPDATE that merges it into the stored document, so two admins saving different sections at the same moment both
// keep their change.
import { db, provider, type Prisma } from "../db";
import type { Ctx } from "../auth/ctx";
import { recordAudit } from "../audit/service";
import type { AppLocale } from "../i18n/config";
import { orgLocaleOf } from "./settings";

export async function orgLocale(orgId: string, tx: Prisma.TransactionClient | typeof db = db): Promise<AppLocale> {
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  return orgLocaleOf(org?.settings);
}

export type OrgSettingKey = "caseRules" | "rootCauses" | "digest" | "retention" | "defaultLocale";

/**
 * Sets one key of the settings document (the others are kept) and records `action` in the audit log with
 * `auditData` (the value by default), in one transaction.
 */
export async function writeOrgSetting(
  ctx: Ctx,
  key: OrgSettingKey,
  value: Prisma.InputJsonValue,
  action: string,
  auditData: Prisma.InputJsonValue = value,
): Promise<void> {
  const json = JSON.stringify(value);
  await db.$transaction(async (tx) => {
    if (provider === "postgresql")
      await tx.$executeRaw`UPDATE "Organization"
        SET "settings" = (CASE WHEN jsonb_typeof("settings") = 'object' THEN "settings" ELSE '{}'::jsonb END)
              || jsonb_build_object(${key}::text, ${json}::jsonb),
            "updatedAt" = ${new Date()}
        WHERE "id" = ${ctx.orgId}`;
    else
      await tx.$executeRaw`UPDATE "Organization"
        SET "settings" = json_set(
              CASE WHEN json_valid("settings") AND json_type("settings") = 'object' THEN "settings" ELSE '{}' END,
              '$.' || ${key}, json(${json})),
            "updatedAt" = ${new Date()}
        WHERE "id" = ${ctx.orgId}`;
    await recordAudit(ctx, { action, entityType: "Organization", entityId: ctx.orgId, data: auditData }, tx);
  });
}

/** Admins (Settings → Organization language): the organization's language; audited when it changes. */
export async function setOrgLocale(ctx: Ctx, locale: AppLocale): Promise<AppLocale> {
  if ((await orgLocale(ctx.orgId)) === locale) return locale;
  await writeOrgSetting(ctx, "defaultLocale", locale, "organization.language_changed", { locale });
  return locale;
}
