// Reading and changing an organization's digest settings (Organization.settings.digest). Other keys of the
// settings document (case rules, …) are kept as they are (lib/orgs/settings-service.ts writeOrgSetting).
import { db } from "../db";
import type { Ctx } from "../auth/ctx";
import type { Prisma } from "../generated/sqlite/client";
import { ValidationError } from "../errors";
import { writeOrgSetting } from "../orgs/settings-service";
import { digestSettingsFrom, type DigestSettings, type DigestSettingsInput } from "./settings";

export async function getDigestSettings(ctx: Ctx): Promise<DigestSettings> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
  return digestSettingsFrom(org.settings);
}

export async function updateDigestSettings(ctx: Ctx, input: DigestSettingsInput): Promise<DigestSettings> {
  let recipients: string[] | null = null;
  if (input.recipientsMode === "custom") {
    const wanted = [...new Set(input.recipients)];
    const members = await db.membership.findMany({
      where: { orgId: ctx.orgId, userId: { in: wanted } },
      select: { userId: true },
    });
    // Another organization's user id is as unknown here as a made-up one.
    if (members.length !== wanted.length)
      throw new ValidationError([{ name: "recipients", reason: "Pick members of this organization" }]);
    recipients = wanted;
  }
  const next: DigestSettings = { enabled: input.enabled, weekday: input.weekday, hour: input.hour, recipients };
  await writeOrgSetting(ctx, "digest", next as Prisma.InputJsonValue, "digest.settings_changed");
  return next;
}
