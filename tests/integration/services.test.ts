// Services against the real database: members and invites, and the headline metrics computed by the
// database checked against a straightforward in-memory computation of the same rows.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  acceptInvite,
  createInvite,
  findOpenInvite,
  registerFromInvite,
  removeMember,
  updateMemberRole,
} from "@/lib/members/service";
import { ctxForUser } from "@/lib/auth/ctx";
import { verifyCredentials } from "@/lib/users/service";
import { getHeadline } from "@/lib/dashboard/headline";
import { npsCategory } from "@/lib/metrics/categories";
import { createOrg, createUser, type Org } from "../factories";

const NEW_PASSWORD = "lantern velvet orbit 42";
let A: Org;
beforeAll(async () => {
  A = await createOrg("svc");
});

describe("members", () => {
  it("keeps at least one admin", async () => {
    await expect(updateMemberRole(A.ctx("admin"), A.users.admin.membershipId, "viewer")).rejects.toMatchObject({
      status: 409,
    });
    await expect(removeMember(A.ctx("admin"), A.users.admin.membershipId)).rejects.toMatchObject({ status: 409 });
    await updateMemberRole(A.ctx("admin"), A.users.manager.membershipId, "admin");
    await updateMemberRole(A.ctx("admin"), A.users.admin.membershipId, "manager");
    expect((await ctxForUser(A.users.admin.id))?.role).toBe("manager");
    await updateMemberRole(A.ctx("manager"), A.users.admin.membershipId, "admin");
    await updateMemberRole(A.ctx("admin"), A.users.manager.membershipId, "manager");
  });

  it("invite link → new account, then signing in joins with the invited role; usable once", async () => {
    const invite = await createInvite(
      A.ctx("admin"),
      { email: `new-${Date.now()}@example.test`, role: "agent" },
      { mailer: null },
    );
    if (invite.sent) throw new Error("no mailer: the link must come back");
    expect(await findOpenInvite(invite.token)).toMatchObject({ email: invite.email, role: "agent", emailed: false });
    expect(await registerFromInvite(invite.token, { name: "New Agent", password: NEW_PASSWORD })).toEqual({
      email: invite.email,
    });
    const user = await verifyCredentials(invite.email, NEW_PASSWORD);
    expect(user).not.toBeNull();
    expect(await ctxForUser(user!.id)).toBeNull(); // not a member until they accept, signed in
    const accepted = await acceptInvite(invite.token, { userId: user!.id });
    expect(accepted.orgId).toBe(A.orgId);
    expect(await ctxForUser(user!.id)).toMatchObject({ orgId: A.orgId, role: "agent" });
    // a link the admin copied proves nothing about the address
    expect((await db.user.findUniqueOrThrow({ where: { id: user!.id } })).emailVerifiedAt).toBeNull();
    expect(await findOpenInvite(invite.token)).toBeNull();
    await expect(acceptInvite(invite.token, { userId: user!.id })).rejects.toMatchObject({ status: 404 });
    await expect(registerFromInvite(invite.token, { name: "Again", password: NEW_PASSWORD })).rejects.toMatchObject({
      status: 404,
    });
    const audit = await db.auditEvent.findMany({ where: { orgId: A.orgId, entityId: invite.id } });
    expect(audit.map((e) => e.action).sort()).toEqual(["invite.accepted", "invite.created"]);
  });

  it("refuses a password the policy refuses, naming the field, and leaves the invite open", async () => {
    const invite = await createInvite(
      A.ctx("admin"),
      { email: `weak-${Date.now()}@example.test`, role: "viewer" },
      { mailer: null },
    );
    if (invite.sent) throw new Error("no mailer: the link must come back");
    for (const [password, reason] of [
      ["aaaaaaaaaaaa", /^Too easy to guess/],
      ["Password1234!", /^Too easy to guess/],
      [`${invite.email}1`, /^Too easy to guess/], // the invited address itself
      ["WeakWillow2026", /^Too easy to guess/], // the name typed in the same form
      ["short one", /^Use at least 12 characters$/],
    ] as const) {
      const error = await registerFromInvite(invite.token, { name: "Weak Willow", password }).catch((e: unknown) => e);
      expect(error, password).toMatchObject({ status: 400 });
      const params = (error as { invalidParams: Array<{ name: string; reason: string }> }).invalidParams;
      expect(params).toHaveLength(1);
      expect(params[0].name).toBe("password");
      expect(params[0].reason).toMatch(reason);
    }
    expect(await findOpenInvite(invite.token)).not.toBeNull();
    expect(await db.user.count({ where: { email: invite.email } })).toBe(0);
  });

  it("an existing user joins a second organization and can switch to it; 'create your account' leaves their account alone", async () => {
    const other = await createOrg("svc-other");
    const invite = await createInvite(
      other.ctx("admin"),
      { email: A.users.viewer.email, role: "manager" },
      { mailer: null },
    );
    if (invite.sent) throw new Error("no mailer: the link must come back");
    const before = await db.user.findUniqueOrThrow({ where: { id: A.users.viewer.id } });
    expect(
      await registerFromInvite(invite.token, { name: "Someone else", password: "orchid tundra velvet 93" }),
    ).toEqual({ email: A.users.viewer.email });
    expect(await db.user.findUniqueOrThrow({ where: { id: A.users.viewer.id } })).toEqual(before);
    await expect(acceptInvite(invite.token, { userId: A.users.agent.id })).rejects.toMatchObject({ status: 400 });
    await acceptInvite(invite.token, { userId: A.users.viewer.id });
    expect((await ctxForUser(A.users.viewer.id))?.orgId).toBe(A.orgId);
    expect(await ctxForUser(A.users.viewer.id, other.orgId)).toMatchObject({ orgId: other.orgId, role: "manager" });
  });

  it("an unknown user has no context", async () => {
    const loner = await createUser("loner");
    expect(await ctxForUser(loner.id)).toBeNull();
  });
});

describe("headline metrics", () => {
  it("the database's GROUP BY matches an in-memory computation of the same responses", async () => {
    const org = await createOrg("headline");
    const now = new Date();
    const scores: Array<{ metric: "nps" | "csat" | "ces"; score: number; daysAgo: number }> = [];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 400; i++)
      scores.push({ metric: "nps", score: Math.floor(rnd() * 11), daysAgo: Math.floor(rnd() * 120) });
    for (let i = 0; i < 150; i++)
      scores.push({ metric: "csat", score: 1 + Math.floor(rnd() * 5), daysAgo: Math.floor(rnd() * 120) });
    for (let i = 0; i < 90; i++)
      scores.push({ metric: "ces", score: 1 + Math.floor(rnd() * 7), daysAgo: Math.floor(rnd() * 120) });
    await db.response.createMany({
      data: scores.map((s, i) => ({
        orgId: org.orgId,
        surveyId: org.ids.survey,
        clientId: `hl-${i}`,
        metric: s.metric,
        score: s.score,
        category: s.metric === "nps" ? npsCategory(s.score) : null,
        submittedAt: new Date(now.getTime() - s.daysAgo * 86_400_000 - 1000),
      })),
    });
    const period = { from: new Date(now.getTime() - 90 * 86_400_000), to: now };
    const got = await getHeadline(org.ctx("viewer"), period);

    // the factory's own detractor (score 3, submitted now) is inside the period too
    const inPeriod = [...scores.filter((s) => s.daysAgo < 90), { metric: "nps" as const, score: 3, daysAgo: 0 }];
    const nps = inPeriod.filter((s) => s.metric === "nps").map((s) => s.score);
    const p = nps.filter((s) => s >= 9).length / nps.length;
    const d = nps.filter((s) => s <= 6).length / nps.length;
    expect(got.nps.n).toBe(nps.length);
    expect(got.nps.nps).toBeCloseTo(100 * (p - d), 10);
    expect(got.nps.marginOfError).toBeCloseTo(1.96 * 100 * Math.sqrt((p + d - (p - d) ** 2) / nps.length), 10);

    const csat = inPeriod.filter((s) => s.metric === "csat").map((s) => s.score);
    expect(got.csat.n).toBe(csat.length);
    expect(got.csat.csat).toBeCloseTo((100 * csat.filter((s) => s >= 4).length) / csat.length, 10);
    expect(got.csat.mean).toBeCloseTo(csat.reduce((a, b) => a + b, 0) / csat.length, 10);

    const ces = inPeriod.filter((s) => s.metric === "ces").map((s) => s.score);
    expect(got.ces.n).toBe(ces.length);
    expect(got.ces.mean).toBeCloseTo(ces.reduce((a, b) => a + b, 0) / ces.length, 10);
    expect(got.ces.agreePct).toBeCloseTo((100 * ces.filter((s) => s >= 5).length) / ces.length, 10);

    // another organization's responses never count
    expect((await getHeadline(A.ctx("viewer"), period)).nps.n).toBe(1);
  });
});
