import { getTranslations } from "next-intl/server";
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
import { OrganizationLanguageSection } from "@/components/settings/organization-language-section";
import { orgLocale } from "@/lib/orgs/settings-service";
import { getTwoFactorPolicy } from "@/lib/two-factor/policy";
import { SettingsNav, type NavSection } from "@/components/settings/settings-nav";
import { ContactRulesSection } from "@/components/settings/contact-rules-section";
import { getContactRule, listSendWindows } from "@/lib/campaigns/contact-rule-service";
import { unitOptions } from "@/lib/units/service";
import type { Messages } from "@/lib/i18n/catalogues";
import { ClientMessages } from "@/components/i18n/client-messages";

// The sections below, in page order: the key of each heading in the "settings.nav" catalogue and the id of its
// anchor (the English one, so links stay the same in every language; the sub-navigation links to them).
type SectionKey = keyof Messages["settings"]["nav"];
const ADMIN_SECTIONS: [SectionKey, string][] = [
  ["members", "members"],
  ["apiKeys", "api-keys"],
  ["digest", "digest"],
  ["webhooks", "webhooks"],
  ["customerIdentity", "customer-identity"],
  ["scim", "scim-provisioning"],
  ["sso", "single-sign-on"],
  ["retention", "retention"],
  ["twoFactor", "two-factor-policy"],
  ["orgLanguage", "organization-language"],
];
const MANAGER_SECTIONS: [SectionKey, string][] = [
  ["caseRules", "case-rules"],
  ["contactRules", "contact-rules"],
];

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const ctx = await requireCtx();
  const t = await getTranslations("settings");
  const section = ([key, id]: [SectionKey, string]): NavSection => ({ title: t(`nav.${key}`), id });
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
          orgLocale(ctx.orgId),
        ])
      : null,
    hasRole(ctx.role, "manager")
      ? Promise.all([getCaseSettings(ctx), listCaseOwners(ctx), getContactRule(ctx), listSendWindows(ctx)])
      : null,
  ]);

  return (
    <ClientMessages keys={["settings"]}>
      <>
        <PageHeader
          title={t("title")}
          description={isAdmin ? t("descriptionAdmin") : t("descriptionMember")}
          actions={
            <>
              <ButtonLink href="/settings/units">{t("links.units")}</ButtonLink>
              {hasRole(ctx.role, "manager") ? (
                <ButtonLink href="/settings/audiences">{t("links.audiences")}</ButtonLink>
              ) : null}
              {hasRole(ctx.role, "manager") ? (
                <ButtonLink href="/settings/text-analytics">{t("links.textAnalytics")}</ButtonLink>
              ) : null}
              {isAdmin ? <ButtonLink href="/settings/audit">{t("links.audit")}</ButtonLink> : null}
            </>
          }
        />
        <SettingsNav
          sections={[
            section(["profile", "your-profile"]),
            ...(admin ? ADMIN_SECTIONS.map(section) : []),
            ...(cases ? MANAGER_SECTIONS.map(section) : []),
            section(["organizations", "your-organizations"]),
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
            <Section id="webhooks" title={t("nav.webhooks")} description={t("webhooks.description")}>
              <ButtonLink href="/settings/webhooks">{t("webhooks.manage")}</ButtonLink>
            </Section>
            <Section
              id="customer-identity"
              title={t("nav.customerIdentity")}
              description={t("customerIdentity.description")}
            >
              <ButtonLink href="/settings/customer-identity">{t("customerIdentity.manage")}</ButtonLink>
            </Section>
            <Section id="scim-provisioning" title={t("nav.scim")} description={t("scim.description")}>
              <ButtonLink href="/settings/scim">{t("scim.manage")}</ButtonLink>
            </Section>
            <Section id="single-sign-on" title={t("nav.sso")} description={t("sso.description")}>
              <ButtonLink href="/settings/sso">{t("sso.manage")}</ButtonLink>
            </Section>
            <RetentionSection preview={admin[4]} />
            <TwoFactorPolicySection
              requireTwoFactor={admin[5].requireTwoFactor}
              membersWithout={admin[5].membersWithout}
            />
            <OrganizationLanguageSection locale={admin[7]} />
          </>
        ) : null}
        {cases ? <CaseRulesSection rules={cases[0].rules} rootCauses={cases[0].rootCauses} owners={cases[1]} /> : null}
        {cases ? <ContactRulesSection rule={cases[2]} senders={cases[3]} /> : null}
        <OrganizationsSection orgs={orgs} currentOrgId={ctx.orgId} />
      </>
    </ClientMessages>
  );
}
