// The only place that builds ctx = { orgId, userId, role }: from an API key (Authorization: Bearer rsn_…)
// or from the signed-in user's session plus a membership lookup. The active organization is a plain
// cookie naming an organization id; it only selects among the user's own memberships.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { db } from "../db";
import { authenticateApiKey } from "../api-keys/service";
import { authOptionsFor, secureCookiesFor } from "./options";
import { isRole, type Role } from "./roles";
import { sessionPassedSecondFactor, TwoFactorRequiredError } from "../two-factor/policy";
import { loadScope, type Scope } from "../units/scope-load";
import { sessionSatisfiesSso, SsoRequiredError } from "../sso/policy";

/**
 * Who acts, in which organization, with which role, over which units. `scope` is the membership's (or the API
 * key's) unit subtree; null — or absent, for the system's own contexts (jobs, the demo) — is the whole organization.
 * Every read and write honours it through lib/units/scope.ts (docs/hierarchy.md, "Scoped memberships").
 */
export type Ctx = { orgId: string; userId: string; role: Role; apiKeyId: string | null; scope?: Scope | null };

export const ACTIVE_ORG_COOKIE = "rsn-org";

export type SessionIdentity = { userId: string; sid: string };

/**
 * The signed-in user and their session row; null when there is no session or it has ended (sessions.ts). Once per
 * page render (React's cache): the layout's language (lib/i18n/request-locale.ts), requireCtx and the page all ask;
 * outside a render (route handlers, actions) every call checks again.
 */
export const currentSession = cache(async (): Promise<SessionIdentity | null> => {
  const session = await getServerSession(authOptionsFor(secureCookiesFor(await headers())));
  const user = session?.user as { id?: string; sid?: string } | undefined;
  return user?.id && user.sid ? { userId: user.id, sid: user.sid } : null;
});

export async function sessionUserId(): Promise<string | null> {
  return (await currentSession())?.userId ?? null;
}

/**
 * The user's membership in their preferred organization, else in the one they joined first. An
 * organization that requires two-factor authentication opens only to a session (`sid`) that passed it:
 * otherwise TwoFactorRequiredError (403; pages redirect to the enrolment page, lib/auth/action.ts). One that
 * requires single sign-on opens only to a session that came through its own connection: otherwise
 * SsoRequiredError (403; pages send the browser to sign in with single sign-on).
 */
export async function ctxForUser(
  userId: string,
  preferredOrgId?: string | null,
  sid?: string | null,
): Promise<Ctx | null> {
  const memberships = await db.membership.findMany({
    where: { userId, suspendedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      orgId: true,
      role: true,
      unitId: true,
      org: {
        select: { requireTwoFactor: true, ssoConnection: { select: { id: true, enabled: true, ssoRequired: true } } },
      },
    },
  });
  const m = memberships.find((x) => x.orgId === preferredOrgId) ?? memberships[0];
  if (!m || !isRole(m.role)) return null;
  const sso = m.org.ssoConnection;
  if (sso?.enabled && sso.ssoRequired && !(await sessionSatisfiesSso(userId, sid, sso.id)))
    throw new SsoRequiredError(m.orgId);
  if (m.org.requireTwoFactor && !(await sessionPassedSecondFactor(userId, sid)))
    throw new TwoFactorRequiredError(m.orgId);
  const scope = m.unitId ? await loadScope(m.orgId, m.unitId) : null;
  return { orgId: m.orgId, userId, role: m.role, apiKeyId: null, scope };
}

export async function ctxFromSession(): Promise<Ctx | null> {
  const session = await currentSession();
  if (!session) return null;
  const jar = await cookies();
  return ctxForUser(session.userId, jar.get(ACTIVE_ORG_COOKIE)?.value, session.sid);
}

export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/** API key when one is sent (a bad key is never silently replaced by the session), else the session. */
export async function ctxFromRequest(req: Request): Promise<{ ctx: Ctx | null; via: "api_key" | "session" | null }> {
  const token = bearerToken(req);
  if (token) return { ctx: await authenticateApiKey(token), via: "api_key" };
  const ctx = await ctxFromSession();
  return { ctx, via: ctx ? "session" : null };
}
