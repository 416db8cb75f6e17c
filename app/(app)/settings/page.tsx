import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/service";
import { listInvites, listMembers } from "@/lib/members/service";
import { listMyOrganizations } from "@/lib/orgs/service";
import { getUserProfile } from "@/lib/users/service";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationsSection, ProfileSection } from "@/components/settings/profile-section";
import { MembersSection } from "@/components/settings/members-section";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { DigestSection } from "@/components/settings/digest-section";
import { getDigestSettings } from "@/lib/digest/settings-service";
import { smtpUrlFromEnv } from "@/lib/digest/send";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireCtx();
  const isAdmin = hasRole(ctx.role, "admin");
  const [user, orgs, admin] = await Promise.all([
    getUserProfile(ctx.userId),
    listMyOrganizations(ctx.userId),
    isAdmin ? Promise.all([listMembers(ctx), listInvites(ctx), listApiKeys(ctx), getDigestSettings(ctx)]) : null,
  ]);

  return (
    <>
      <PageHeader
        title="Settings"
        description={isAdmin ? "Your profile, the organization's members and invites, and API keys." : "Your profile and organizations. Admins manage members and API keys."}
      />
      <ProfileSection user={user} role={ctx.role} />
      {admin ? (
        <>
          <MembersSection members={admin[0]} invites={admin[1]} meId={ctx.userId} />
          <ApiKeysSection keys={admin[2]} />
          <DigestSection settings={admin[3]} members={admin[0]} smtpConfigured={smtpUrlFromEnv() !== null} />
        </>
      ) : null}
      <OrganizationsSection orgs={orgs} currentOrgId={ctx.orgId} />
    </>
  );
}
