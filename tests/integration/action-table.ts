// Every server action ("use server" export) with who may call it and arguments that pass the guard but then
// fail validation or name a missing record, so that an allowed caller causes no side effect.
// actions-matrix.test.ts fails when an action exists that is not listed here (source files and the build's
// server-reference manifest), so a new action cannot skip the role and session checks.
import type { Role } from "@/lib/auth/roles";

export type ActionAccess = Role | "signed-in" | "public";

export type ActionCase = {
  file: string;
  name: string;
  /** Minimum role; "signed-in": any user, no organization role needed; "public": no login (respondents, invitees). */
  access: ActionAccess;
  /** Leading arguments (bound with .bind in the UI): ids that exist nowhere. */
  bound?: unknown[];
  /** The form the action receives last (most actions), or `args` for actions that take plain values. */
  form?: Record<string, string>;
  args?: unknown[];
};

export const ACTIONS: ActionCase[] = [
  { file: "app/_actions/account.ts", name: "updateProfileAction", access: "signed-in", form: { name: "" } },
  {
    file: "app/_actions/account.ts",
    name: "changePasswordAction",
    access: "signed-in",
    form: { currentPassword: "", newPassword: "" },
  },
  {
    file: "app/_actions/account.ts",
    name: "requestEmailChangeAction",
    access: "signed-in",
    form: { email: "nope", currentPassword: "" },
  },
  {
    file: "app/_actions/account.ts",
    name: "endSessionAction",
    access: "signed-in",
    bound: ["no-such-session"],
    form: {},
  },
  { file: "app/_actions/account.ts", name: "signOutEverywhereAction", access: "signed-in", form: {} },
  { file: "app/_actions/account.ts", name: "updateLocaleAction", access: "signed-in", form: { locale: "fr" } },
  { file: "app/_actions/account.ts", name: "chooseLanguageAction", access: "public", form: { locale: "fr" } },
  {
    file: "app/_actions/account.ts",
    name: "confirmEmailChangeAction",
    access: "public",
    bound: ["no-such-token"],
    form: {},
  },
  { file: "app/_actions/account.ts", name: "requestPasswordResetAction", access: "public", form: { email: "nope" } },
  {
    file: "app/_actions/account.ts",
    name: "resetPasswordAction",
    access: "public",
    bound: ["no-such-token"],
    form: { password: "x" },
  },
  {
    file: "app/_actions/case-settings.ts",
    name: "updateCaseRulesAction",
    access: "manager",
    form: { dueHours: "-1", npsMax: "99" },
  },
  { file: "app/_actions/case-settings.ts", name: "updateRootCausesAction", access: "manager", form: {} },
  {
    file: "app/_actions/contact-rules.ts",
    name: "updateContactRuleAction",
    access: "manager",
    form: { capDays: "-1", quietStartHour: "21", quietEndHour: "8", timeZone: "UTC" },
  },
  {
    file: "app/_actions/cases.ts",
    name: "updateCaseStatusAction",
    access: "agent",
    bound: ["no-such-case"],
    form: { status: "bogus" },
  },
  {
    file: "app/_actions/cases.ts",
    name: "workCaseAction",
    access: "agent",
    bound: ["no-such-case"],
    form: { status: "bogus" },
  },
  {
    file: "app/_actions/customers.ts",
    name: "createCustomerAction",
    access: "agent",
    form: { name: "", email: "nope" },
  },
  {
    file: "app/_actions/customers.ts",
    name: "setHomeUnitAction",
    access: "agent",
    bound: ["no-such-customer"],
    form: { unitId: "" },
  },
  {
    file: "app/_actions/digest.ts",
    name: "updateDigestSettingsAction",
    access: "admin",
    form: { weekday: "funday", hour: "99" },
  },
  {
    file: "app/_actions/digest.ts",
    name: "sendDigestToMeAction",
    access: "manager",
    form: { weekEnding: "not a date" },
  },
  {
    file: "app/_actions/invites.ts",
    name: "acceptInviteAsMember",
    access: "signed-in",
    bound: ["no-such-token"],
    form: {},
  },
  {
    file: "app/_actions/invites.ts",
    name: "createAccountAndAccept",
    access: "public",
    bound: ["no-such-token"],
    form: { name: "", password: "x" },
  },
  {
    file: "app/_actions/maturity.ts",
    name: "saveMaturityAction",
    access: "manager",
    form: { "answers.strategy_vision": "9" },
  },
  { file: "app/_actions/organizations.ts", name: "switchOrganization", access: "signed-in", form: { orgId: "" } },
  { file: "app/_actions/organizations.ts", name: "createOrganizationAction", access: "signed-in", form: { name: "" } },
  {
    file: "app/_actions/organizations.ts",
    name: "setOrganizationLanguageAction",
    access: "admin",
    form: { locale: "fr" },
  },
  {
    file: "app/_actions/privacy.ts",
    name: "setConsentAction",
    access: "agent",
    bound: ["no-such-customer"],
    form: { consent: "maybe" },
  },
  {
    file: "app/_actions/privacy.ts",
    name: "eraseCustomerAction",
    access: "admin",
    bound: ["no-such-customer"],
    form: { confirm: "ERASE" },
  },
  {
    file: "app/_actions/privacy.ts",
    name: "updateRetentionAction",
    access: "admin",
    form: { months: "0", mode: "shred" },
  },
  { file: "app/_actions/privacy.ts", name: "runRetentionAction", access: "admin", form: { dryRun: "maybe" } },
  {
    file: "app/_actions/setup.ts",
    name: "completeSetupAction",
    access: "public",
    form: { token: "", orgName: "", name: "", email: "nope", password: "x" },
  },
  {
    file: "app/_actions/customer-tokens.ts",
    name: "rotateCustomerTokenSecretAction",
    access: "admin",
    form: { previousValidHours: "-1" },
  },
  { file: "app/_actions/scim.ts", name: "createScimTokenAction", access: "admin", form: { name: "" } },
  { file: "app/_actions/scim.ts", name: "revokeScimTokenAction", access: "admin", bound: ["no-such-token"], form: {} },
  {
    file: "app/_actions/scim.ts",
    name: "setScimGroupRoleAction",
    access: "admin",
    bound: ["no-such-group"],
    form: { role: "owner" },
  },
  {
    file: "app/_actions/settings.ts",
    name: "updateMemberRoleAction",
    access: "admin",
    bound: ["no-such-member"],
    form: { role: "owner" },
  },
  {
    file: "app/_actions/settings.ts",
    name: "updateMemberScopeAction",
    access: "admin",
    bound: ["no-such-member"],
    form: { unitId: "no such unit" },
  },
  {
    file: "app/_actions/settings.ts",
    name: "removeMemberAction",
    access: "admin",
    bound: ["no-such-member"],
    form: {},
  },
  {
    file: "app/_actions/settings.ts",
    name: "revokeMemberSessionsAction",
    access: "admin",
    bound: ["no-such-member"],
    form: {},
  },
  {
    file: "app/_actions/settings.ts",
    name: "memberPasswordResetAction",
    access: "admin",
    bound: ["no-such-member"],
    form: {},
  },
  {
    file: "app/_actions/settings.ts",
    name: "createInviteAction",
    access: "admin",
    form: { email: "nope", role: "viewer" },
  },
  {
    file: "app/_actions/settings.ts",
    name: "revokeInviteAction",
    access: "admin",
    bound: ["no-such-invite"],
    form: {},
  },
  { file: "app/_actions/settings.ts", name: "createApiKeyAction", access: "admin", form: { name: "", role: "viewer" } },
  { file: "app/_actions/settings.ts", name: "revokeApiKeyAction", access: "admin", bound: ["no-such-key"], form: {} },
  {
    file: "app/_actions/sso.ts",
    name: "saveSsoConnectionAction",
    access: "admin",
    form: { issuer: "ftp://idp.example.test", clientId: "", allowedDomains: "" },
  },
  { file: "app/_actions/sso.ts", name: "deleteSsoConnectionAction", access: "admin", form: {} },
  { file: "app/_actions/sso.ts", name: "checkSsoDomainAction", access: "admin", form: { domain: "" } },
  {
    file: "app/_actions/two-factor.ts",
    name: "enableTwoFactorAction",
    access: "signed-in",
    form: { pending: "", code: "12" },
  },
  { file: "app/_actions/two-factor.ts", name: "verifySessionTwoFactorAction", access: "signed-in", form: { code: "" } },
  {
    file: "app/_actions/two-factor.ts",
    name: "regenerateRecoveryCodesAction",
    access: "signed-in",
    form: { code: "" },
  },
  {
    file: "app/_actions/two-factor.ts",
    name: "disableTwoFactorAction",
    access: "signed-in",
    form: { password: "", code: "" },
  },
  {
    file: "app/_actions/two-factor.ts",
    name: "setRequireTwoFactorAction",
    access: "admin",
    form: { requireTwoFactor: "maybe" },
  },
  // audiences (lib/audiences): managers and admins
  {
    file: "app/_actions/audiences.ts",
    name: "previewAudienceAction",
    access: "manager",
    args: [{ definition: { criteria: [{ type: "interaction", days: 0 }] } }],
  },
  { file: "app/_actions/audiences.ts", name: "saveAudienceAction", access: "manager", args: [null, { name: "" }] },
  {
    file: "app/_actions/audiences.ts",
    name: "deleteAudienceAction",
    access: "manager",
    bound: ["no-such-audience"],
    form: {},
  },
  // campaigns (lib/campaigns): managers and admins
  { file: "app/_actions/campaigns.ts", name: "createCampaignAction", access: "manager", form: { name: "" } },
  {
    file: "app/_actions/campaigns.ts",
    name: "changeCampaignStatusAction",
    access: "manager",
    bound: ["no-such-campaign", "pause"],
    form: {},
  },
  // triggers (lib/triggers): managers and admins
  { file: "app/_actions/triggers.ts", name: "createTriggerAction", access: "manager", form: { name: "" } },
  {
    file: "app/_actions/triggers.ts",
    name: "changeTriggerStatusAction",
    access: "manager",
    bound: ["no-such-trigger", "paused"],
    form: {},
  },
  {
    file: "app/_actions/triggers.ts",
    name: "updateTriggerAction",
    access: "manager",
    bound: ["no-such-trigger"],
    form: { name: "" },
  },
  {
    file: "app/_actions/triggers.ts",
    name: "deleteTriggerAction",
    access: "manager",
    bound: ["no-such-trigger"],
    form: {},
  },
  // the unit tree editor (lib/units, docs/hierarchy.md): admins
  { file: "app/_actions/units.ts", name: "createUnitAction", access: "admin", form: { code: "", name: "" } },
  {
    file: "app/_actions/units.ts",
    name: "updateUnitAction",
    access: "admin",
    bound: ["no-such-unit"],
    form: { name: "x" },
  },
  { file: "app/_actions/units.ts", name: "moveUnitAction", access: "admin", bound: ["no-such-unit"], form: {} },
  { file: "app/_actions/units.ts", name: "archiveUnitAction", access: "admin", bound: ["no-such-unit"], form: {} },
  { file: "app/_actions/units.ts", name: "importUnitsAction", access: "admin", form: {} },
  {
    file: "app/_actions/webhooks.ts",
    name: "createWebhookAction",
    access: "admin",
    form: { url: "ftp://not-http.example", description: "" },
  },
  {
    file: "app/_actions/webhooks.ts",
    name: "sendTestEventAction",
    access: "admin",
    bound: ["no-such-endpoint"],
    form: {},
  },
  {
    file: "app/_actions/webhooks.ts",
    name: "redeliverAction",
    access: "admin",
    bound: ["no-such-endpoint", "no-such-delivery"],
    form: {},
  },
  {
    file: "app/_actions/webhooks.ts",
    name: "setWebhookActiveAction",
    access: "admin",
    bound: ["no-such-endpoint", false],
    form: {},
  },
  {
    file: "app/_actions/webhooks.ts",
    name: "rotateWebhookSecretAction",
    access: "admin",
    bound: ["no-such-endpoint"],
    form: {},
  },
  {
    file: "app/_actions/webhooks.ts",
    name: "deleteWebhookAction",
    access: "admin",
    bound: ["no-such-endpoint"],
    form: {},
  },
  {
    file: "app/s/[publicId]/actions.ts",
    name: "submitHostedSurvey",
    access: "public",
    args: ["no-such-survey", { clientId: "x" }],
  },
];
