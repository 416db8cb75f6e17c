// The organization's language (lib/orgs/defaults.ts, docs/i18n.md "The organization's language"): what Resonance
// writes into an organization by itself — its default channels, the QR-code channel, the default root causes, the
// titles and notes of the cases its rules open, the starter themes' names, the case erasure leaves — is worded in
// it; an organization takes its creator's language; an admin changes it, audited, and nothing written is renamed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/ctx";
import { createOrganization } from "@/lib/orgs/service";
import { orgLocale, setOrgLocale, writeOrgSetting } from "@/lib/orgs/settings-service";
import { getCaseSettings, updateRootCauses } from "@/lib/cases/settings-service";
import { openCaseForResponse, reconcileCaseForScore } from "@/lib/cases/rules";
import { touchpointQr } from "@/lib/journeys/qr";
import { eraseCustomer } from "@/lib/privacy/erasure";
import { ensureTaxonomy } from "@/lib/text-analytics/taxonomy";
import { themeNames } from "@/lib/text-analytics/insight";
import { createOrg, createUser, type Org } from "../factories";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { http } from "./http";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET; // the QR link's signature

const admin = (o: Org): Ctx => ({ orgId: o.orgId, userId: o.users.admin.id, role: "admin", apiKeyId: null });

describe("the organization's language", () => {
  it("a new organization takes its creator's language: German channels, and English stays the default", async () => {
    const user = await createUser("lang-creator");
    const de = await createOrganization(user.id, `Müller Energie ${randomUUID().slice(0, 6)}`, { locale: "de" });
    const en = await createOrganization(user.id, `Miller Energy ${randomUUID().slice(0, 6)}`);
    const channels = async (orgId: string) =>
      Object.fromEntries((await db.channel.findMany({ where: { orgId } })).map((c) => [c.key, c.name]));
    expect(await channels(de.id)).toEqual({
      web: "Web",
      email: "E-Mail",
      phone: "Telefon",
      chat: "Chat",
      store: "Filiale",
      mobile: "Mobile App",
      social: "Soziale Medien",
    });
    expect(await channels(en.id)).toEqual({
      web: "Web",
      email: "E-mail",
      phone: "Phone",
      chat: "Chat",
      store: "Store",
      mobile: "Mobile app",
      social: "Social",
    });
    expect([await orgLocale(de.id), await orgLocale(en.id)]).toEqual(["de", "en"]);
    const created = await db.auditEvent.findFirstOrThrow({ where: { orgId: de.id, action: "organization.created" } });
    expect(created.data).toEqual({ locale: "de" });
  });

  describe("what the rules and services write, in German", () => {
    let A: Org;
    beforeAll(async () => {
      A = await createOrg("lang-de");
      await setOrgLocale(admin(A), "de");
    });

    it("the default root causes, until the organization sets its own", async () => {
      expect((await getCaseSettings(admin(A))).rootCauses).toEqual([
        "Produktfehler",
        "Abrechnungsfehler",
        "Lange Wartezeit",
        "Verhalten des Personals",
        "Lieferproblem",
        "Richtlinie",
        "Sonstiges",
      ]);
    });

    it("the titles of the cases the rules open, and the note when the customer changes their score", async () => {
      const r = await db.response.create({
        data: {
          orgId: A.orgId,
          surveyId: A.ids.survey,
          clientId: `lang-${randomUUID()}`,
          customerId: A.ids.customer,
          metric: "nps",
          score: 3,
          category: "detractor",
          completed: true,
        },
      });
      const event = { id: r.id, orgId: A.orgId, customerId: A.ids.customer, unitId: null, metric: "nps", score: 3 };
      const opened = await db.$transaction((tx) => openCaseForResponse(tx, event));
      expect(opened?.title).toBe("Kritiker: NPS 3");
      // The customer raises the score to 9 before anyone worked the case: closed, with the reason in German.
      await db.$transaction((tx) => reconcileCaseForScore(tx, { ...event, score: 9 }, 3));
      const closed = await db.case.findUniqueOrThrow({ where: { id: opened!.id } });
      expect(closed).toMatchObject({
        status: "resolved",
        resolution:
          "Automatisch geschlossen. Der Kunde hat seine Bewertung von 3 auf 9 geändert. Die neue Bewertung erfordert kein Nachfassen mehr.",
      });

      const noted = await http("POST", "/api/v1/interactions", {
        key: A.keys.agent,
        body: { customerId: A.ids.customer, outcome: "follow_up", note: "Rückruf wegen Router" },
      });
      const silent = await http("POST", "/api/v1/interactions", {
        key: A.keys.agent,
        body: { customerId: A.ids.customer, outcome: "follow_up" },
      });
      expect([noted.status, silent.status]).toEqual([201, 201]);
      const titles = await db.case.findMany({
        where: { orgId: A.orgId, interactionId: { in: [noted.body.id, silent.body.id] } },
        orderBy: { createdAt: "asc" },
        select: { title: true },
      });
      expect(titles.map((c) => c.title).sort()).toEqual(["Nachfassen nötig", "Nachfassen: Rückruf wegen Router"]);
    });

    it("the channel a touchpoint's QR code attributes answers to", async () => {
      const qr = await touchpointQr(admin(A), A.ids.touchpoint, A.ids.survey);
      expect(qr.channel).toBe("qr");
      expect(await db.channel.findFirstOrThrow({ where: { orgId: A.orgId, key: "qr" } })).toMatchObject({
        name: "QR-Code",
      });
    });

    it("the starter themes' names, before and after they are copied into the organization's taxonomy", async () => {
      // A new organization: the factory's has its taxonomy copied already (in English, before its language was set).
      const user = await createUser("lang-themes");
      const { id } = await createOrganization(user.id, `Themen ${randomUUID().slice(0, 6)}`, { locale: "de" });
      expect((await themeNames(id)).get("waiting-time")).toBe("Wartezeit");
      await ensureTaxonomy(id);
      const themes = await db.textTheme.findMany({ where: { orgId: id }, select: { key: true, name: true } });
      expect(Object.fromEntries(themes.map((t) => [t.key, t.name]))).toMatchObject({
        billing: "Rechnung und Zahlung",
        "waiting-time": "Wartezeit",
        reliability: "Zuverlässigkeit",
        communication: "Kommunikation",
      });
    });

    it("the title erasure leaves on the erased customer's cases", async () => {
      const c = await db.customer.create({ data: { orgId: A.orgId, name: "Erika Muster" } });
      const k = await db.case.create({ data: { orgId: A.orgId, customerId: c.id, title: "Erika ruft zurück" } });
      await eraseCustomer(admin(A), c.id, { confirm: "Erika Muster" });
      expect((await db.case.findUniqueOrThrow({ where: { id: k.id } })).title).toBe("Nachfassen (Kunde gelöscht)");
    });
  });

  it("changing the language is audited, keeps the other settings and renames nothing already written", async () => {
    const B = await createOrg("lang-change");
    await updateRootCauses(admin(B), ["Zu spät", "Zu teuer"]);
    const channelNames = async () => (await db.channel.findMany({ where: { orgId: B.orgId } })).map((c) => c.name);
    const before = await channelNames();

    await setOrgLocale(admin(B), "de");
    await setOrgLocale(admin(B), "de"); // unchanged: no second audit entry
    expect(await orgLocale(B.orgId)).toBe("de");
    expect((await getCaseSettings(admin(B))).rootCauses).toEqual(["Zu spät", "Zu teuer"]);
    expect(await channelNames()).toEqual(before);
    const audits = await db.auditEvent.findMany({ where: { orgId: B.orgId, action: "organization.language_changed" } });
    expect(audits.map((a) => [a.actorId, a.data])).toEqual([[B.users.admin.id, { locale: "de" }]]);
  });

  it("two settings saved at the same moment both stay (each write sets its key alone)", async () => {
    const C = await createOrg("lang-race");
    await Promise.all([
      setOrgLocale(admin(C), "de"),
      updateRootCauses(admin(C), ["Lieferung"]),
      writeOrgSetting(
        admin(C),
        "retention",
        { enabled: false, months: 24, mode: "delete" },
        "retention.settings_changed",
      ),
    ]);
    const settings = (await db.organization.findUniqueOrThrow({ where: { id: C.orgId } })).settings;
    expect(settings).toMatchObject({
      defaultLocale: "de",
      rootCauses: ["Lieferung"],
      retention: { enabled: false, months: 24, mode: "delete" },
    });
  });
});
