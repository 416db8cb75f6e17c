// Pages and server actions in the scope matrix (docs/hierarchy.md, "The scope matrix test"): every page.tsx of the
// signed-in app and every server action is probed (PAGE_PROBES / ACTION_PROBES in probes.ts), refuses a unit-scoped
// member, or is listed here as outside the scope model, with the reason.
import fs from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/auth/roles";
import type { ScopeFixture } from "./fixture";

const root = path.resolve(import.meta.dirname, "../../..");

export type PageFile = {
  /** "app/(app)/cases/[id]/page.tsx" */
  file: string;
  /** The route without route groups: "/cases/[id]", "/" for the dashboard. */
  route: string;
  /** Inside the signed-in app's layout (app/(app)), which needs a session and an organization. */
  inApp: boolean;
  /** The role its requireCtx asks for (viewer when it names none). */
  minRole: Role;
};

/** Every page.tsx under app/, with its route as the browser names it. */
export function pageFiles(): PageFile[] {
  const out: PageFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name === "page.tsx") {
        const segments = dir.split("/").slice(1);
        const route = "/" + segments.filter((s) => !/^\(.*\)$/.test(s)).join("/");
        const source = fs.readFileSync(path.join(root, rel), "utf8");
        const minRole = (source.match(/requireCtx\(\s*"(\w+)"/)?.[1] ?? "viewer") as Role;
        out.push({ file: rel, route, inApp: segments[0] === "(app)", minRole });
      }
    }
  };
  walk("app");
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * The URL a scoped member of S1 opens for a page of the app with dynamic segments: a record they may not see where
 * the page shows one (S3's case, customer, touchpoint), else the organization's configuration record (journeys,
 * surveys, audiences …). A new page with a dynamic segment fails the matrix until it is named here.
 */
export const PAGE_URLS: Record<string, (f: ScopeFixture) => string> = {
  "/cases/[id]": (f) => `/cases/${f.rows.S3.caseId}`,
  "/customers/[id]": (f) => `/customers/${f.rows.S3.customerId}`,
  "/journeys/[id]": (f) => `/journeys/${f.org.ids.journey}`,
  "/journeys/[id]/edit": (f) => `/journeys/${f.org.ids.journey}/edit`,
  "/journeys/[id]/paths": (f) => `/journeys/${f.org.ids.journey}/paths`,
  "/settings/audiences/[id]": (f) => `/settings/audiences/${f.org.ids.audience}`,
  "/settings/webhooks/[id]": (f) => `/settings/webhooks/${f.org.ids.webhook}`,
  "/surveys/[id]": (f) => `/surveys/${f.org.ids.survey}`,
  "/surveys/campaigns/[id]": (f) => `/surveys/campaigns/${f.org.ids.campaign}`,
  "/surveys/triggers/[id]": (f) => `/surveys/triggers/${f.org.ids.trigger}`,
  "/touchpoints/[id]/qr": (f) => `/touchpoints/${f.rows.S3.touchpointId}/qr`,
};

/** The URL of a page: PAGE_URLS for dynamic ones, the route itself for the rest (null: dynamic and not named). */
export function pageUrl(f: ScopeFixture, route: string): string | null {
  if (PAGE_URLS[route]) return PAGE_URLS[route](f);
  return route.includes("[") ? null : route;
}

/**
 * Pages outside the scope model: reachable signed out or without an organization, or about the signed-in person
 * alone. None shows a row of the organization. The matrix GETs each as S1's members (no 5xx, no hidden row).
 */
export const OUTSIDE_PAGES: Record<string, { reason: string; url?: string }> = {
  "/account": {
    reason: "the member's own profile, e-mail, password and sessions: no organization rows (serves every scope)",
  },
  "/account/confirm-email/[token]": {
    reason: "the link of an e-mail change, opened signed out",
    url: "/account/confirm-email/no-such-token",
  },
  "/account/two-factor": { reason: "the user's own second factor, needs a session but no organization" },
  "/docs/api": { reason: "the public API reference: no data" },
  "/forgot-password": { reason: "signed out" },
  "/invite/[token]": { reason: "an invitee, before they are a member", url: "/invite/no-such-token" },
  "/login": { reason: "signed out" },
  "/login/sso": { reason: "signed out (single sign-on)" },
  "/reset-password/[token]": { reason: "signed out, from a reset e-mail", url: "/reset-password/no-such-token" },
  "/s/[publicId]": { reason: "the public survey a respondent answers, signed out", url: "/s/no-such-survey" },
  "/setup": { reason: "first run, before any organization exists" },
  "/welcome": { reason: "a signed-in user without an organization" },
};

/**
 * Server actions outside the scope model, keyed "file#name": those without a session (respondents, invitees,
 * password resets, first run) and those that act on the signed-in person alone, not on an organization's rows.
 */
export const OUTSIDE_ACTIONS: Record<string, string> = {
  "app/_actions/account.ts#updateProfileAction": "the user's own name",
  "app/_actions/account.ts#changePasswordAction": "the user's own password",
  "app/_actions/account.ts#updateLocaleAction": "the user's own language",
  "app/_actions/account.ts#chooseLanguageAction": "signed out, this browser's language cookie",
  "app/_actions/account.ts#requestEmailChangeAction": "the user's own e-mail address",
  "app/_actions/account.ts#endSessionAction": "the user's own sessions",
  "app/_actions/account.ts#signOutEverywhereAction": "the user's own sessions",
  "app/_actions/account.ts#confirmEmailChangeAction": "signed out, from the confirmation e-mail",
  "app/_actions/account.ts#requestPasswordResetAction": "signed out",
  "app/_actions/account.ts#resetPasswordAction": "signed out, from the reset e-mail",
  "app/_actions/invites.ts#acceptInviteAsMember": "an invitee joining; the invite carries the scope it grants",
  "app/_actions/invites.ts#createAccountAndAccept": "signed out invitee",
  "app/_actions/organizations.ts#switchOrganization": "picks one of the user's own memberships",
  "app/_actions/organizations.ts#createOrganizationAction": "a new organization of the user's own",
  "app/_actions/setup.ts#completeSetupAction": "first run, before any organization exists",
  "app/_actions/two-factor.ts#enableTwoFactorAction": "the user's own second factor",
  "app/_actions/two-factor.ts#verifySessionTwoFactorAction": "the user's own session",
  "app/_actions/two-factor.ts#regenerateRecoveryCodesAction": "the user's own recovery codes",
  "app/_actions/two-factor.ts#disableTwoFactorAction": "the user's own second factor",
  "app/s/[publicId]/actions.ts#submitHostedSurvey": "a respondent, signed out",
};

/** Text of every fixture row a member of `scope` may not see (other stores and the rows without a unit). */
export function hiddenTexts(f: ScopeFixture, scope: "S1" | "R1"): string[] {
  return f
    .hidden(scope)
    .stores.flatMap((s) => [`Customer of ${s}`, `Comment from ${s} #0`, `Call back ${s}`, `Visit at ${s}`]);
}
