// A text a service throws (lib/i18n/service-reasons.ts, docs/i18n.md "Errors"), over real HTTP: a server action's
// failure is in the member's language — German for a member who chose German, English word for word otherwise —
// while the REST API's problem+json for the same refusal stays English whatever the caller's language.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { baseURL, http, signIn } from "./http";
import { callServerAction } from "./server-actions";
import { createOrg, TEST_PASSWORD, uid, type Org } from "../factories";

const CREATE = { file: "app/_actions/customers.ts", name: "createCustomerAction" } as const;
const ENGLISH = "This unit is archived; restore it or choose another";
const GERMAN = "Diese Einheit ist archiviert; stellen Sie sie wieder her oder wählen Sie eine andere";

let org: Org;
let archivedId: string;
beforeAll(async () => {
  org = await createOrg("svc-lang");
  const u = await db.unit.create({
    data: {
      orgId: org.orgId,
      code: `Z${uid()}`.slice(0, 12),
      name: "Closed store",
      kind: "store",
      path: "/",
      depth: 0,
    },
  });
  await db.unit.update({ where: { id: u.id }, data: { path: `/${u.id}/`, archivedAt: new Date() } });
  archivedId = u.id;
});

describe("a service's own refusal", () => {
  it("is German in a German member's form, English for an English one, and the summary follows", async () => {
    const form = () => ({ name: "Form customer", email: `f-${uid()}@example.test`, unitId: archivedId });
    const email = org.users.admin.email;
    await db.user.update({ where: { email }, data: { locale: null } });
    const english = await callServerAction(CREATE, { cookie: (await signIn(email, TEST_PASSWORD))!, form: form() });
    expect(english.text).toContain(`"fieldErrors":{"unitId":"${ENGLISH}"}`);
    expect(english.text).not.toContain(GERMAN);

    await db.user.update({ where: { email }, data: { locale: "de" } });
    const german = await callServerAction(CREATE, { cookie: (await signIn(email, TEST_PASSWORD))!, form: form() });
    expect(german.text).toContain(`"fieldErrors":{"unitId":"${GERMAN}"}`);
    expect(german.text).toContain("Bitte korrigieren Sie die markierten Felder.");
    expect(german.text).not.toContain(ENGLISH);
    expect(await db.customer.count({ where: { orgId: org.orgId, name: "Form customer" } })).toBe(0);
  });

  it("stays English in the API's problem+json, whatever language the caller asks for", async () => {
    const res = await http("POST", "/api/v1/customers", {
      key: org.keys.admin,
      body: { name: "API customer", email: `a-${uid()}@example.test`, unitId: archivedId },
      headers: { "accept-language": "de-DE,de;q=0.9", cookie: "rsn-locale=de" },
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    const body = res.body as { detail: string; invalid_params: Array<{ name: string; reason: string }> };
    expect(body.detail).toBe("The request has invalid fields.");
    expect(body.invalid_params).toEqual([{ name: "unitId", reason: ENGLISH, in: "body" }]);
  });
});

describe('a refusal a service computes (docs/i18n.md, "Errors")', () => {
  const CHANGE = { file: "app/_actions/account.ts", name: "changePasswordAction" } as const;
  const SSO = { file: "app/_actions/sso.ts", name: "saveSsoConnectionAction" } as const;
  const signedIn = async (locale: "de" | null) => {
    const email = org.users.admin.email;
    await db.user.update({ where: { email }, data: { locale } });
    return (await signIn(email, TEST_PASSWORD))!;
  };

  it("the password policy's, with zxcvbn's warning: German in a German member's form, English otherwise", async () => {
    const form = { currentPassword: TEST_PASSWORD, newPassword: "aaaaaaaaaaaa" };
    const english = await callServerAction(CHANGE, { cookie: await signedIn(null), form });
    expect(english.text).toContain("Too easy to guess: add another word or two");
    expect(english.text).toContain("Repeated characters like");
    const german = await callServerAction(CHANGE, { cookie: await signedIn("de"), form });
    expect(german.text).toContain(
      "Zu leicht zu erraten: Fügen Sie ein oder zwei weitere Wörter hinzu, die nichts mit Ihnen oder Ihrer Organisation zu tun haben. Wiederholte Zeichen wie „aaa“ sind leicht zu erraten.",
    );
    expect(german.text).not.toContain("Too easy");
  });

  it("single sign-on's issuer problem: German in a German admin's form, English in the API", async () => {
    const settings = {
      issuer: "http://login.example.com/",
      clientId: "resonance",
      clientSecret: "s3cret",
      allowedDomains: "example.com",
      defaultRole: "viewer",
    };
    const german = await callServerAction(SSO, { cookie: await signedIn("de"), form: settings });
    expect(german.text).toContain('"issuer":"Verwenden Sie eine Issuer-URL mit https://."');
    const res = await http("PUT", "/api/v1/sso-connection", {
      cookie: await signedIn("de"),
      body: { ...settings, allowedDomains: ["example.com"], enabled: true, ssoRequired: false },
      headers: { origin: new URL(baseURL()).origin, "accept-language": "de" },
    });
    expect(res.status).toBe(400);
    expect((res.body as { invalid_params: unknown[] }).invalid_params).toContainEqual({
      name: "issuer",
      reason: "Use an https:// issuer URL.",
    });
  });
});
