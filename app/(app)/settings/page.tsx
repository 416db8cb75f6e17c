import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listApiKeys } from "@/lib/api-keys/service";
import { listInvites, listMembers } from "@/lib/members/service";
import { listMyOrganizations } from "@/lib/orgs/service";
import { getUserProfile } from "@/lib/users/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { OrganizationsSection, ProfileSection } from "@/components/settings/profile-section";
import { MembersSection } from "@/components/settings/members-section";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { DigestSection } from "@/components/settings/digest-section";
import { getDigestSettings } from "@/lib/digest/settings-service";
import { mailConfigured } from "@/lib/mail/transport";
import { CaseRulesSection } from "@/components/settings/case-rules-section";
import { getCaseSettings, listCaseOwners } from "@/lib/cases/settings-service";
import { RetentionSection } from "@/components/settings/retention-section";
import { previewRetention } from "@/lib/privacy/retention";
import { TwoFactorPolicySection } from "@/components/settings/two-factor-policy-section";
import { getTwoFactorPolicy } from "@/lib/two-factor/policy";
import { SettingsNav, type NavSection } from "@/components/settings/settings-nav";
import { ContactRulesSection } from "@/components/settings/contact-rules-section";
import { getContactRule, listSendWindows } from "@/lib/campaigns/contact-rule-service";
import { unitOptions } from "@/lib/units/service";

// The sections below, in page order, by their headings (the sub-navigation links to them).
const ADMIN_SECTIONS: NavSection[] = [
  "Members",
  "API keys",
  { title: "Weekly digest", id: "digest" },
  "Webhooks",
  "Customer identity",
  "SCIM provisioning",
  "Single sign-on",
  { title: "Data retention", id: "retention" },
  { title: "Two-factor authentication", id: "two-factor-policy" },
];

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireCtx();
  const isAdmin = hasRole(ctx.role, "admin");
  const [user, orgs, admin, cases] = await Promise.all([
    getUserProfile(ctx.userId),
    listMyOrganizations(ctx.userId),
    isAdmin
      ? Promise.all([
          listMembers(ctx),
          listInvites(ctx),
          listApiKeys(ctx),
          getDigestSettings(ctx),
          previewRetention(ctx),
          getTwoFactorPolicy(ctx),
          unitOptions(ctx),
        ])
      : null,
    hasRole(ctx.role, "manager")
      ? Promise.all([getCaseSettings(ctx), listCaseOwners(ctx), getContactRule(ctx), listSendWindows(ctx)])
      : null,
  ]);

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          isAdmin
            ? "Your profile, the organization's members and invites, and API keys."
            : "Your profile and organizations. Admins manage members and API keys."
        }
        actions={
          <>
            <ButtonLink href="/settings/units">Units</ButtonLink>
            {hasRole(ctx.role, "manager") ? <ButtonLink href="/settings/audiences">Audiences</ButtonLink> : null}
            {hasRole(ctx.role, "manager") ? (
              <ButtonLink href="/settings/text-analytics">Text analytics</ButtonLink>
            ) : null}
            {isAdmin ? <ButtonLink href="/settings/audit">Audit log</ButtonLink> : null}
          </>
        }
      />
      <SettingsNav
        sections={[
          "Your profile",
          ...(admin ? ADMIN_SECTIONS : []),
          ...(cases
            ? [
                { title: "Follow-up cases", id: "case-rules" },
                { title: "Contact rules", id: "contact-rules" },
              ]
            : []),
          "Your organizations",
        ]}
      />
      <ProfileSection user={user} role={ctx.role} />
      {admin ? (
        <>
          <MembersSection
            members={admin[0]}
            invites={admin[1]}
            meId={ctx.userId}
            mailConfigured={mailConfigured()}
            units={admin[6]}
          />
          <ApiKeysSection keys={admin[2]} units={admin[6]} />
          <DigestSection settings={admin[3]} members={admin[0]} smtpConfigured={mailConfigured()} />
          <Section
            title="Webhooks"
            description="Signed HTTP POSTs to your systems when a response arrives or a case is opened or resolved, with retries and a delivery log."
          >
            <ButtonLink href="/settings/webhooks">Manage webhooks</ButtonLink>
          </Section>
          <Section
            title="Customer identity"
            description="The secret that signs customer tokens: only a response carrying a valid one is linked to a customer."
          >
            <ButtonLink href="/settings/customer-identity">Manage customer identity</ButtonLink>
          </Section>
          <Section
            title="SCIM provisioning"
            description="Let your identity provider (Okta, Entra ID) add and remove members and map its groups to roles."
          >
            <ButtonLink href="/settings/scim">Manage SCIM provisioning</ButtonLink>
          </Section>
          <Section
            title="Single sign-on"
            description="Members sign in through your identity provider (OpenID Connect), join with a default role the first time, and passwords can be turned off."
          >
            <ButtonLink href="/settings/sso">Set up single sign-on</ButtonLink>
          </Section>
          <RetentionSection preview={admin[4]} />
          <TwoFactorPolicySection
            requireTwoFactor={admin[5].requireTwoFactor}
            membersWithout={admin[5].membersWithout}
          />
        </>
      ) : null}
      {cases ? <CaseRulesSection rules={cases[0].rules} rootCauses={cases[0].rootCauses} owners={cases[1]} /> : null}
      {cases ? <ContactRulesSection rule={cases[2]} senders={cases[3]} /> : null}
      <OrganizationsSection orgs={orgs} currentOrgId={ctx.orgId} />
    </>
  );
}
