// Auth and results for server components and server actions. Pages and actions call requireCtx(minRole)
// first; actions wrap their body in runAction() so that the client always gets a plain, serializable
// ActionResult: field errors for bad input, the message of a deliberate AppError, and a generic message
// (the real error only in the server log) for anything unexpected.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect, unstable_rethrow } from "next/navigation";
import { z, ZodError, type ZodType } from "zod";
import { ACTIVE_ORG_COOKIE, ctxForUser, currentSession, type Ctx, type SessionIdentity } from "./ctx";
import { hasRole, type Role } from "./roles";
import { requestIsSecure, secureCookiesFor } from "./options";
import { AppError, ForbiddenError, NotFoundError } from "../errors";
import { prismaErrorToAppError } from "../http/prisma-errors";
import { TWO_FACTOR_PAGE, TwoFactorRequiredError } from "../two-factor/policy";
import { SsoRequiredError } from "../sso/policy";
import type { RouteScope } from "../http/route-meta";
import { OrgWideRequiredError } from "../units/scope";
import { GENERIC_MESSAGE, localizeFailure } from "../i18n/action-errors";
import { requestLocale } from "../i18n/request-locale";

export type FieldErrors = Record<string, string>;
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: FieldErrors };
/** What useActionState holds: null before the first submit. */
export type ActionState<T = null> = ActionResult<T> | null;

// One session + membership lookup per request, however many components ask for it.
const loadCtx = cache(
  async (): Promise<{ userId: string | null; ctx: Ctx | null; needsTwoFactor?: boolean; needsSso?: boolean }> => {
    const session = await currentSession();
    if (!session) return { userId: null, ctx: null };
    const jar = await cookies();
    try {
      return {
        userId: session.userId,
        ctx: await ctxForUser(session.userId, jar.get(ACTIVE_ORG_COOKIE)?.value, session.sid),
      };
    } catch (error) {
      if (error instanceof TwoFactorRequiredError) return { userId: session.userId, ctx: null, needsTwoFactor: true };
      if (error instanceof SsoRequiredError) return { userId: session.userId, ctx: null, needsSso: true };
      throw error;
    }
  },
);

/** The signed-in user's id, or a redirect to the sign-in page. For pages that need no organization. */
export async function requireUserId(): Promise<string> {
  const { userId } = await loadCtx();
  if (!userId) redirect("/login");
  return userId;
}

/** The signed-in browser's user and session ids, or a redirect to the sign-in page (account pages and actions). */
export async function requireSession(): Promise<SessionIdentity> {
  const session = await currentSession();
  if (!session) redirect("/login");
  return session;
}

// What the page asked for when requireCtx refused it, for the 403 page (app/(app)/forbidden.tsx) of the same
// request: forbidden() takes no arguments and that page gets no props.
type Refusal = { needed?: Role; orgWide?: string };
const refusal = cache((): Refusal => ({}));

/** The role the page needed, or (orgWide: the caller's scope unit) the whole organization, when requireCtx refused. */
export function pageRefusal(): Refusal {
  return refusal();
}

// forbidden() for requireCtx, remembering why for the 403 page (refusal(), the same render) and on the thrown
// interrupt itself for an action: React's cache() does not hold between calls inside a server action, so
// toActionFailure would find an empty refusal() there.
function refuse(why: Refusal): never {
  Object.assign(refusal(), why);
  try {
    forbidden();
  } catch (interrupt) {
    if (interrupt && typeof interrupt === "object") Object.assign(interrupt, { refusal: why });
    throw interrupt;
  }
}

// forbidden() throws an error with this digest (next/navigation); Next.js renders the nearest forbidden.tsx
// with HTTP 403 when it reaches a page, and it never reaches the browser from an action (toActionFailure).
const FORBIDDEN_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;403";
const isForbiddenInterrupt = (error: unknown) => (error as { digest?: unknown } | null)?.digest === FORBIDDEN_DIGEST;

/**
 * ctx for a server component or action: not signed in → /login; the organization requires two-factor and
 * this session has not passed it → the enrolment page; no organization → /welcome; role below minRole →
 * forbidden(): a page answers HTTP 403 with the 403 page, an action (runAction) fails with the ForbiddenError
 * message. `scope` as for routes (lib/http/route-meta.ts): "org" (the default) refuses a unit-scoped member the
 * same way; "unit" serves them, the page's services filtering to their units (docs/hierarchy.md).
 */
export async function requireCtx(minRole: Role = "viewer", scope: RouteScope = "org"): Promise<Ctx> {
  const { userId, ctx, needsTwoFactor, needsSso } = await loadCtx();
  if (!userId) redirect("/login");
  if (needsSso) redirect("/login/sso?error=sso_required");
  if (needsTwoFactor) redirect(`${TWO_FACTOR_PAGE}?required=1`);
  if (!ctx) redirect("/welcome");
  if (!hasRole(ctx.role, minRole)) refuse({ needed: minRole });
  if (scope === "org" && ctx.scope) refuse({ orgWide: ctx.scope.unitName });
  return ctx;
}

/** Remembers the active organization. Callers must have checked the membership first. */
export async function setActiveOrgCookie(orgId: string): Promise<void> {
  const h = await headers();
  const secure = secureCookiesFor(h);
  const jar = await cookies();
  jar.set(ACTIVE_ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 400 * 86_400 });
}

/** The origin the browser used ("https://cx.example.com"), for links shown to the user. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const origin = h.get("origin");
  if (origin) {
    try {
      const url = new URL(origin);
      if (url.host === host) return url.origin;
    } catch {
      // fall through to the forwarded protocol
    }
  }
  // Set by the server from the socket or a trusted proxy (lib/http/trusted-proxy.ts).
  const proto = requestIsSecure(h) ? "https" : "http";
  return `${proto}://${host}`;
}

/** Loads a record for a page; a NotFoundError (e.g. another organization's id) becomes the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(message: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return fieldErrors && Object.keys(fieldErrors).length ? { ok: false, message, fieldErrors } : { ok: false, message };
}

function firstPerField(entries: { name: string; reason: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const { name, reason } of entries) out[name] ??= reason;
  return out;
}

/** Any thrown value → a failed ActionResult. Next.js control flow (redirect, notFound) is rethrown. */
export function toActionFailure(error: unknown): ActionResult<never> {
  if (isForbiddenInterrupt(error)) {
    // requireCtx: a role below the action's, or a unit scope where the action needs the whole organization
    const { orgWide } = (error as { refusal?: Refusal }).refusal ?? refusal();
    return fail(orgWide ? new OrgWideRequiredError(orgWide).message : new ForbiddenError().message);
  }
  unstable_rethrow(error);
  if (error instanceof ZodError) {
    const fields = firstPerField(
      error.issues.map((i) => ({ name: i.path.map(String).join(".") || "form", reason: i.message })),
    );
    return fail("Please correct the highlighted fields.", fields);
  }
  const known = error instanceof AppError ? error : prismaErrorToAppError(error);
  if (known) {
    const fields = known.invalidParams?.length ? firstPerField(known.invalidParams) : undefined;
    return fail(known.message, fields);
  }
  console.error("[action] unexpected error", error);
  return fail(GENERIC_MESSAGE);
}

/** Runs an action body and wraps its value or error into an ActionResult, in the page's language (docs/i18n.md). */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await body());
  } catch (error) {
    const failure = toActionFailure(error) as ActionResult<never> & { ok: false };
    // Outside a request (a script calling an action) there is no language to follow: English.
    const locale = await requestLocale().catch(() => "en" as const);
    return localizeFailure(failure, error, locale);
  }
}

/**
 * Form fields as a plain object for zod, without React's internal $ACTION_ fields. Blank values of the
 * `optional` fields become undefined ("not given"); other blanks stay "" so that the schema's own
 * "… is required" message is the one shown.
 */
export function formFields(formData: FormData, optional: readonly string[] = []): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    out[key] = optional.includes(key) && value.trim() === "" ? undefined : value;
  }
  return out;
}

/** Parses with zod; a ZodError thrown here becomes field errors through runAction. */
export function parseWith<S extends ZodType>(schema: S, value: unknown): z.output<S> {
  return schema.parse(value);
}
