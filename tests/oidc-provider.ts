// A real, certified OpenID provider (the `oidc-provider` package) on 127.0.0.1 for the single sign-on tests,
// with one confidential client registered for the app's callback URL. Its built-in development login page
// accepts any login and password: the login is the account. Accounts:
//   <address>             → sub <address>, email <address>, email_verified true
//   unverified+<address>  → email <address> with email_verified false
// Consent is granted automatically (a first-party client), so the flow is: authorize → login form → callback.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestProvider = { issuer: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

function accountClaims(login: string) {
  const unverified = login.startsWith("unverified+");
  const email = unverified ? login.slice("unverified+".length) : login;
  return { sub: login, email, email_verified: !unverified, name: `SSO ${email.split("@")[0]}` };
}

export async function startOidcProvider(opts: {
  redirectUris: string[];
  port?: number;
  host?: string;
}): Promise<TestProvider> {
  const clientId = "resonance-test";
  const clientSecret = "resonance-test-secret-0123456789abcdef";
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["resonance-test-provider-cookie-key"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => accountClaims(id) };
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // The development login page and default signing keys are meant for exactly this: say nothing about them.
  (provider as unknown as { on: (e: string, f: () => void) => void }).on("server_error", () => {});
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- walking the browser's part of the flow over plain HTTP ---------------------------------------------

type Jar = Map<string, string>;

function remember(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    const name = pair.slice(0, i).trim();
    const value = pair.slice(i + 1);
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function formOf(html: string, base: string): { action: string; fields: Record<string, string> } {
  const form = html.match(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/);
  if (!form) throw new Error(`no form on the provider's page:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/g)) {
    const name = input[0].match(/name="([^"]+)"/)?.[1];
    const value = input[0].match(/value="([^"]*)"/)?.[1] ?? "";
    if (name) fields[name] = value;
  }
  return { action: new URL(form[1].replace(/&amp;/g, "&"), base).toString(), fields };
}

export type SsoAttempt = {
  /** The app's answer to the start POST (a page moving on to the provider, or 303 back to the sign-in page). */
  start: Response;
  /** The callback URL the provider sent the browser to (null when the flow stopped earlier). */
  callback: URL | null;
  /** The app's cookies (flow cookie) after the start. */
  appJar: Jar;
};

/** POSTs the app's SSO form, then plays the browser at the provider (login form with `login`) up to the callback. */
export async function walkToCallback(appUrl: string, email: string, login = email): Promise<SsoAttempt> {
  const appJar: Jar = new Map();
  const start = await fetch(`${appUrl}/api/auth/sso/start`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }),
    redirect: "manual",
  });
  remember(appJar, start);
  // The app answers with a page that moves on to the provider (a meta refresh), or 303 back to its sign-in page.
  const page = start.status === 200 ? await start.clone().text() : "";
  let location = page.match(/http-equiv="refresh" content="0;url=([^"]+)"/)?.[1]?.replace(/&amp;/g, "&") ?? null;
  if (!location) return { start, callback: null, appJar };
  const providerJar: Jar = new Map();
  let request: { url: string; init: RequestInit } = { url: location, init: {} };
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(request.url, {
      ...request.init,
      headers: { ...(request.init.headers as object), cookie: cookieHeader(providerJar) },
      redirect: "manual",
    });
    remember(providerJar, res);
    if (res.status >= 300 && res.status < 400) {
      location = new URL(res.headers.get("location")!, request.url).toString();
      if (location.startsWith(appUrl)) return { start, callback: new URL(location), appJar };
      request = { url: location, init: {} };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const { action, fields } = formOf(html, request.url);
    const body = new URLSearchParams({
      ...fields,
      ...(fields.prompt === "login" ? { login, password: "any password" } : {}),
    });
    request = {
      url: action,
      init: { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } },
    };
  }
  throw new Error("too many hops at the provider");
}

/** Calls the app's callback as the browser would (with the flow cookie); returns the answer and the app's cookies. */
export async function finishAtApp(
  attempt: SsoAttempt,
  callback: URL = attempt.callback!,
): Promise<{ res: Response; jar: Jar }> {
  const jar = new Map(attempt.appJar);
  const res = await fetch(callback, { headers: { cookie: cookieHeader(jar) }, redirect: "manual" });
  remember(jar, res);
  return { res, jar };
}
