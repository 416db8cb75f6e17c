// Every server action over real HTTP, the way the browser calls it (POST to a page that uses it, with the
// Next-Action header and the React-encoded arguments): role × action allow/deny as each role signed in, no
// session → the sign-in page, a viewer changes nothing, and a cross-origin action POST is refused.
// Action ids come from the production build's server-reference manifest; the list of actions and who may
// call them is action-table.ts, which must name every "use server" export.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { ACTIONS, type ActionCase } from "./action-table";
import { dbSnapshot } from "./db-snapshot";
import { baseURL, signIn } from "./http";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
const manifest = JSON.parse(fs.readFileSync(path.join(process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, ManifestEntry>;
};
const FORBIDDEN = "Your role does not allow this action.";
// Loaded lazily: React's reply encoder, the same one the browser uses to send action arguments.
const encodeReply = async (args: unknown[]) =>
  ((await import("next/dist/compiled/react-server-dom-turbopack/client.node" as string)) as { encodeReply: (v: unknown[]) => Promise<FormData | string> }).encodeReply(args);

let A: Org;
let publicId: string;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  A = await createOrg("actions");
  publicId = (await createSurvey(A.orgId)).publicId;
  for (const role of ROLES) {
    const cookie = await signIn(A.users[role].email, TEST_PASSWORD);
    if (!cookie) throw new Error(`sign-in failed for ${role}`);
    cookies[role] = cookie;
  }
});

function actionId(a: ActionCase): { id: string; page: string } {
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === a.file && e.exportedName === a.name);
  if (!found) throw new Error(`${a.file} ${a.name} is not in the build's server-reference manifest (rebuild?)`);
  const [id, entry] = found;
  // A page whose bundle holds the action, preferring one without dynamic segments.
  const worker = Object.keys(entry.workers).sort((x, y) => (x.match(/\[/g)?.length ?? 0) - (y.match(/\[/g)?.length ?? 0))[0];
  const page =
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace("[publicId]", publicId)
      .replace(/\[\w+\]/g, "no-such-id") || "/";
  return { id, page };
}

type ActionReply = { status: number; text: string; redirect: string | null };

async function callAction(a: ActionCase, opts: { cookie?: string; origin?: string; form?: Record<string, string> } = {}): Promise<ActionReply> {
  const { id, page } = actionId(a);
  let args: unknown[];
  if (a.args) args = a.args;
  else {
    const form = new FormData();
    for (const [k, v] of Object.entries(opts.form ?? a.form ?? {})) form.set(k, v);
    args = [...(a.bound ?? []), null, form];
  }
  const body = await encodeReply(args);
  const url = new URL(baseURL());
  const headers: Record<string, string> = { "next-action": id, accept: "text/x-component", origin: opts.origin ?? url.origin };
  if (typeof body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(baseURL() + page, { method: "POST", headers, body, redirect: "manual" });
  return { status: res.status, text: await res.text(), redirect: res.headers.get("x-action-redirect") };
}

/** Every exported async function of every file that starts with "use server". */
function serverActionsInSource(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== "node_modules" && e.name !== "generated") walk(full);
      else if (/\.tsx?$/.test(e.name)) files.push(full);
    }
  };
  ["app", "lib", "components"].forEach(walk);
  return files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    if (!/^(\s*\/\/[^\n]*\n)*\s*["']use server["']/.test(source)) return [];
    return [...source.matchAll(/export async function (\w+)/g)].map((m) => `${file.split(path.sep).join("/")} ${m[1]}`);
  });
}

describe("action table", () => {
  it("lists every server action in the source and in the build, and nothing else", () => {
    const table = ACTIONS.map((a) => `${a.file} ${a.name}`).sort();
    expect(serverActionsInSource().sort()).toEqual(table);
    const built = Object.values(manifest.node).map((e) => `${e.filename} ${e.exportedName}`).sort();
    expect(built).toEqual(table);
  });
});

const denied = (r: ActionReply) => r.text.includes(FORBIDDEN);
const toLogin = (r: ActionReply) => r.redirect?.startsWith("/login") ?? false;

describe("role × server action", () => {
  const cases = ACTIONS.flatMap((a) => ROLES.map((role) => [`${role} ${a.name}`, a, role] as const));
  it.each(cases)("%s", async (_, a, role) => {
    const before = await dbSnapshot();
    const r = await callAction(a, { cookie: cookies[role] });
    expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
    expect(toLogin(r)).toBe(false);
    const allowed = a.access === "public" || a.access === "signed-in" || hasRole(role, a.access);
    if (allowed) expect(denied(r), r.text.slice(0, 300)).toBe(false);
    else expect(denied(r), r.text.slice(0, 300)).toBe(true);
    // The arguments are invalid or name nothing: no caller, allowed or not, changed anything.
    expect(await dbSnapshot()).toBe(before);
  });
});

describe("server actions without a session", () => {
  const guarded = ACTIONS.filter((a) => a.access !== "public");
  it.each(guarded.map((a) => [a.name, a] as const))("%s sends the caller to sign in and changes nothing", async (_, a) => {
    const before = await dbSnapshot();
    const r = await callAction(a);
    expect(toLogin(r), `${r.status} ${r.redirect} ${r.text.slice(0, 200)}`).toBe(true);
    expect(await dbSnapshot()).toBe(before);
  });

  it.each(ACTIONS.filter((a) => a.access === "public").map((a) => [a.name, a] as const))("%s (public) answers without a session", async (_, a) => {
    const r = await callAction(a);
    expect(r.status).toBeLessThan(500);
    expect(toLogin(r)).toBe(false);
    expect(r.text).toMatch(/"ok":false/);
  });
});

describe("cross-site server action requests", () => {
  const createKey = ACTIONS.find((a) => a.name === "createApiKeyAction")!;
  const keyCount = () => db.apiKey.count({ where: { orgId: A.orgId } });

  it("are refused: an admin's cookie sent from another origin creates nothing", async () => {
    const before = await keyCount();
    const r = await callAction(createKey, { cookie: cookies.admin, origin: "https://evil.example", form: { name: "csrf key", role: "admin" } });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.text).not.toContain("rsn_");
    expect(await keyCount()).toBe(before);
  });

  it("while the same request from our own origin works (the probe is not vacuous)", async () => {
    const before = await keyCount();
    const r = await callAction(createKey, { cookie: cookies.admin, form: { name: "same-site key", role: "viewer" } });
    expect(r.status).toBe(200);
    expect(r.text).toContain("rsn_");
    expect(await keyCount()).toBe(before + 1);
  });
});
