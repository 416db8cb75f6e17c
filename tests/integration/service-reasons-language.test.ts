// A text a service throws (lib/i18n/service-reasons.ts, docs/i18n.md "Errors"), over real HTTP: a server action's
// failure is in the member's language — German for a member who chose German, English word for word otherwise —
// while the REST API's problem+json for the same refusal stays English whatever the caller's language.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { http, signIn } from "./http";
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
