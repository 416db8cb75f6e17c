// Every server action over real HTTP, the way the browser calls it (POST to a page that uses it, with the
// Next-Action header and the React-encoded arguments): role × action allow/deny as each role signed in, no
// session → the sign-in page, a viewer changes nothing, and a cross-origin action POST is refused.
// Action ids come from the production build's server-reference manifest; the list of actions and who may
// call them is action-table.ts, which must name every "use server" export.
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, hasRole, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { createOrg, TEST_PASSWORD, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { ACTIONS, type ActionCase } from "./action-table";
import { dbSnapshot } from "./db-snapshot";
import {
  callServerAction,
  manifest,
  serverActionsInSource,
  type ActionReply,
  type CallOptions,
} from "./server-actions";
import { signIn } from "./http";

const FORBIDDEN = "Your role does not allow this action.";

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

const callAction = (a: ActionCase, opts: Omit<CallOptions, "publicId"> = {}) =>
  callServerAction(a, { ...opts, publicId });

describe("action table", () => {
  it("lists every server action in the source and in the build, and nothing else", () => {
    const table = ACTIONS.map((a) => `${a.file} ${a.name}`).sort();
    expect(serverActionsInSource().sort()).toEqual(table);
    const built = Object.values(manifest.node)
      .map((e) => `${e.filename} ${e.exportedName}`)
      .sort();
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
  it.each(guarded.map((a) => [a.name, a] as const))(
    "%s sends the caller to sign in and changes nothing",
    async (_, a) => {
      const before = await dbSnapshot();
      const r = await callAction(a);
      expect(toLogin(r), `${r.status} ${r.redirect} ${r.text.slice(0, 200)}`).toBe(true);
      expect(await dbSnapshot()).toBe(before);
    },
  );

  it.each(ACTIONS.filter((a) => a.access === "public").map((a) => [a.name, a] as const))(
    "%s (public) answers without a session",
    async (_, a) => {
      const r = await callAction(a);
      expect(r.status).toBeLessThan(500);
      expect(toLogin(r)).toBe(false);
      expect(r.text).toMatch(/"ok":false/);
    },
  );
});

describe("cross-site server action requests", () => {
  const createKey = ACTIONS.find((a) => a.name === "createApiKeyAction")!;
  const keyCount = () => db.apiKey.count({ where: { orgId: A.orgId } });

  it("are refused: an admin's cookie sent from another origin creates nothing", async () => {
    const before = await keyCount();
    const r = await callAction(createKey, {
      cookie: cookies.admin,
      origin: "https://evil.example",
      form: { name: "csrf key", role: "admin" },
    });
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
