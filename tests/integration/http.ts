import { createHash } from "node:crypto";
// Real HTTP against the production server started by global-setup.ts.
import { inject } from "vitest";

/** Parsed JSON from the wire: tests read it freely and assert its shape, so it is loosely typed on purpose (the one
 * place in the tree where `any` is allowed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

export type HttpResult = { status: number; body: Json; contentType: string; headers: Headers };

export function baseURL(): string {
  return inject("baseURL");
}

export async function http(
  method: string,
  path: string,
  opts: { key?: string; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  // A path goes to the suite's server; a full URL to another one (e.g. a second instance a test started).
  const url = /^https?:\/\//.test(path) ? path : baseURL() + path;
  const res = await fetch(url, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, contentType: res.headers.get("content-type") ?? "", headers: res.headers };
}

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through next-auth's credentials flow; returns the Cookie header for later requests. */
export async function signIn(email: string, password: string, base = baseURL()): Promise<string | null> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const all = [...jar, ...cookiesFrom(res)];
  const session = all.find((c) => c.startsWith("next-auth.session-token="));
  return session ? all.join("; ") : null;
}

/**
 * Headers of a distinct public respondent: the public API limits submissions per client address (the tests'
 * server trusts loopback as a proxy, so X-Forwarded-For names the client), and a User-Agent alone never makes
 * a new client (lib/rate-limit/service.ts). The address is derived from the label, so one label is one client.
 */
export function respondent(label: string): Record<string, string> {
  const h = createHash("sha256").update(label).digest();
  return { "user-agent": label, "x-forwarded-for": `10.${h[0]}.${h[1]}.${h[2]}` };
}

/**
 * A page's HTML without its scripts: what the server rendered, not the React payload beside it, which also carries
 * the messages the page's client components may show later (components/i18n/client-messages.tsx) — so a text a
 * page must not show is looked for here.
 */
export const renderedHtml = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
