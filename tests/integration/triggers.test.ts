// Triggers end to end on the database in DATABASE_URL (run on SQLite and PostgreSQL): the API with its
// problem+json (another organization's survey or touchpoint is a 400 naming the field, its trigger a 404), firing
// exactly once per (trigger, cause) from every interaction write path — the API (and the page, which posts to
// it), its retries, the CSV import and its re-import — and from a case's resolution, in the cause's transaction
// (a rolled-back interaction invites no one), the delay honoured, contact rules recorded as suppressions, a paused
// trigger's messages waiting until it is resumed, a deleted trigger's dropped, and the funnel. The worker sends to
// a real SMTP server on 127.0.0.1 (smtp-sink.ts), and SMS through Twilio's wire format to the receiver on 127.0.0.1
// (twilio-receiver.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runDueMessages } from "@/lib/campaigns/worker";
import { fireInteractionTriggers, inviteFor } from "@/lib/triggers/fire";
import { resurveyTrigger } from "@/lib/triggers/service";
import { mailerFromUrl, type Mailer } from "@/lib/mail/transport";
import { inWindow, nextInWindow } from "@/lib/campaigns/window";
import { createOrg, TEST_PASSWORD, uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import { TEST_NEXTAUTH_SECRET } from "../server";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { http, signIn } from "./http";
import { smsProviderFromEnv } from "@/lib/campaigns/sms/provider";
import { invitationToken } from "@/lib/campaigns/link-token";
import { startTwilioReceiver } from "./twilio-receiver";
import { callServerAction } from "./server-actions";
import { getTriggerRates } from "@/lib/campaigns/rates";
import { NotFoundError } from "@/lib/errors";
import { postCsv } from "./import-client";

process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

let A: Org;
let B: Org;
let sink: SmtpSink;
let mailer: Mailer;
let survey: { id: string; publicId: string };
const HOUR = 3_600_000;
const ANY_HOUR = { windowStartHour: 0, windowEndHour: 0 };

beforeAll(async () => {
  [A, B] = [await createOrg("trig-a"), await createOrg("trig-b")];
  survey = await createSurvey(A.orgId, { type: "nps" });
  sink = await startSmtpSink();
  mailer = mailerFromUrl(sink.url);
});

afterAll(async () => {
  await sink?.stop();
});

beforeEach(() => {
  sink.messages.length = 0;
});

const names = (body: { invalid_params?: { name: string }[] }) => (body.invalid_params ?? []).map((p) => p.name).sort();

async function customer(
  org: Org,
  over: { consent?: boolean | null; email?: string | null; phone?: string | null } = {},
) {
  return db.customer.create({
    data: {
      orgId: org.orgId,
      name: `Cust ${uid()}`,
      email: over.email === undefined ? `c-${uid()}@example.test` : over.email,
      phone: over.phone ?? null,
      externalId: `X-${uid()}`,
      consent: over.consent ?? null,
    },
  });
}

/** A trigger through the API (any hour, so the time of day the suite runs at does not matter). */
async function trigger(body: Record<string, unknown>) {
  const res = await http("POST", "/api/v1/triggers", {
    key: A.keys.manager,
    body: { name: `t ${uid()}`, surveyId: survey.id, windowStartHour: 0, windowEndHour: 0, ...body },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; funnel: Record<string, number> };
}

/** A touchpoint of its own per test, so the triggers of one test never fire in another. */
async function touchpoint(org: Org = A) {
  const tp = await db.touchpoint.findUniqueOrThrow({ where: { id: org.ids.touchpoint } });
  return db.touchpoint.create({
    data: { orgId: org.orgId, journeyId: tp.journeyId, stageId: tp.stageId, name: `tp ${uid()}`, kind: "human" },
  });
}

const logInteraction = (body: Record<string, unknown>) =>
  http("POST", "/api/v1/interactions", { key: A.keys.agent, body: { outcome: "resolved", ...body } });

const invitationsOf = (triggerId: string) =>
  db.invitation.findMany({ where: { triggerId }, include: { messages: true }, orderBy: { createdAt: "asc" } });

describe("the triggers API", () => {
  it("refuses bad input naming each field, and changes nothing", async () => {
    const before = await db.trigger.count({ where: { orgId: A.orgId } });
    const bad = await http("POST", "/api/v1/triggers", {
      key: A.keys.manager,
      body: { name: "", event: "sometimes", surveyId: survey.id, delayAmount: -1, delayUnit: "weeks" },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain("application/problem+json");
    expect(names(bad.body)).toEqual(["delayAmount", "delayUnit", "event", "name"]);
    const tooLong = await http("POST", "/api/v1/triggers", {
      key: A.keys.manager,
      body: { name: "x", event: "interaction", surveyId: survey.id, delayAmount: 91, delayUnit: "days" },
    });
    expect(names(tooLong.body)).toEqual(["delayAmount"]);
    const caseWithTouchpoint = await http("POST", "/api/v1/triggers", {
      key: A.keys.manager,
      body: { name: "x", event: "case_resolved", surveyId: survey.id, touchpointId: A.ids.touchpoint, delayAmount: 1 },
    });
    expect(caseWithTouchpoint.status).toBe(400);
    expect(names(caseWithTouchpoint.body)).toEqual(["touchpointId"]);
    expect(await db.trigger.count({ where: { orgId: A.orgId } })).toBe(before);
  });

  it("another organization's survey or touchpoint is a 400 naming the field; a survey not live too", async () => {
    const bSurvey = await createSurvey(B.orgId);
    const res = await http("POST", "/api/v1/triggers", {
      key: A.keys.admin,
      body: { name: "x", event: "interaction", surveyId: bSurvey.id, touchpointId: B.ids.touchpoint, delayAmount: 1 },
    });
    expect(res.status).toBe(400);
    expect(names(res.body)).toEqual(["surveyId", "touchpointId"]);
    expect(JSON.stringify(res.body)).not.toContain(bSurvey.id);
    const draft = await createSurvey(A.orgId, { status: "draft" });
    const notLive = await http("POST", "/api/v1/triggers", {
      key: A.keys.admin,
      body: { name: "x", event: "interaction", surveyId: draft.id, delayAmount: 1 },
    });
    expect(names(notLive.body)).toEqual(["surveyId"]);
    const t = await trigger({ event: "interaction", delayAmount: 1, status: "paused" });
    const patch = await http("PATCH", `/api/v1/triggers/${t.id}`, {
      key: A.keys.manager,
      body: { surveyId: bSurvey.id },
    });
    expect(patch.status).toBe(400);
    expect(names(patch.body)).toEqual(["surveyId"]);
    expect((await db.trigger.findUniqueOrThrow({ where: { id: t.id } })).surveyId).toBe(survey.id);
  });

  it("another organization's trigger is a 404 to read, change or delete; each change is audited", async () => {
    const bTrigger = B.ids.trigger;
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { name: "mine now" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await http(method, `/api/v1/triggers/${bTrigger}`, { key: A.keys.admin, body });
      expect(res.status).toBe(404);
    }
    expect(await db.trigger.findUniqueOrThrow({ where: { id: bTrigger } })).toMatchObject({ name: "trig-b trigger" });
    const list = await http("GET", "/api/v1/triggers?limit=200", { key: A.keys.manager });
    expect(list.body.data.map((t: { id: string }) => t.id)).not.toContain(bTrigger);

    const t = await trigger({ event: "interaction", delayAmount: 5, delayUnit: "minutes" });
    expect(
      (await http("PATCH", `/api/v1/triggers/${t.id}`, { key: A.keys.manager, body: { status: "paused" } })).status,
    ).toBe(200);
    expect(
      (await http("PATCH", `/api/v1/triggers/${t.id}`, { key: A.keys.manager, body: { status: "active" } })).status,
    ).toBe(200);
    expect((await http("DELETE", `/api/v1/triggers/${t.id}`, { key: A.keys.manager })).status).toBe(204);
    expect((await http("GET", `/api/v1/triggers/${t.id}`, { key: A.keys.manager })).status).toBe(404);
    const audit = await db.auditEvent.findMany({
      where: { orgId: A.orgId, entityType: "Trigger", entityId: t.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "trigger.created",
      "trigger.paused",
      "trigger.resumed",
      "trigger.deleted",
    ]);
  });
});

describe("firing on interactions", () => {
  it("fires exactly once per interaction (a retry with the same clientId adds nothing), only for its touchpoint and outcome, after the delay", async () => {
    const tp = await touchpoint();
    const other = await touchpoint();
    const t = await trigger({
      event: "interaction",
      touchpointId: tp.id,
      outcome: "resolved",
      delayAmount: 2,
      delayUnit: "hours",
    });
    const c = await customer(A);
    const clientId = `cid-${uid()}`;
    const first = await logInteraction({ customerId: c.id, touchpointId: tp.id, clientId });
    expect(first.status).toBe(201);
    expect((await logInteraction({ customerId: c.id, touchpointId: tp.id, clientId })).status).toBe(200);
    expect((await logInteraction({ customerId: c.id, touchpointId: other.id })).status).toBe(201); // other touchpoint
    expect((await logInteraction({ customerId: c.id, touchpointId: tp.id, outcome: "escalated" })).status).toBe(201);
    // Backdated by an hour: due an hour from now (the delay counts from the interaction).
    const backdated = await logInteraction({
      customerId: c.id,
      touchpointId: tp.id,
      occurredAt: new Date(Date.now() - HOUR).toISOString(),
    });
    // Eight days old: history, fires nothing.
    await logInteraction({
      customerId: c.id,
      touchpointId: tp.id,
      occurredAt: new Date(Date.now() - 8 * 24 * HOUR).toISOString(),
    });

    const inv = await invitationsOf(t.id);
    expect(inv.map((i) => i.causeKey)).toEqual([`interaction:${first.body.id}`, `interaction:${backdated.body.id}`]);
    expect(inv.every((i) => i.status === "queued" && i.campaignId === null && i.waveId === null)).toBe(true);
    expect(inv.map((i) => i.messages.length)).toEqual([1, 1]);
    const dueIn = inv.map((i) => i.messages[0].nextAttemptAt!.getTime() - Date.now());
    expect(dueIn[0]).toBeGreaterThan(1.9 * HOUR);
    expect(dueIn[0]).toBeLessThanOrEqual(2 * HOUR);
    expect(dueIn[1]).toBeGreaterThan(0.9 * HOUR);
    expect(dueIn[1]).toBeLessThanOrEqual(HOUR);

    // Not due yet: nothing goes out. Once due: one e-mail, with the signed link and the unsubscribe headers.
    await runDueMessages({ mailer });
    expect(sink.messages.filter((m) => m.to.includes(c.email!))).toHaveLength(0);
    await db.outboxMessage.updateMany({
      where: { invitation: { triggerId: t.id } },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await runDueMessages({ mailer });
    const mails = sink.messages.filter((m) => m.to.includes(c.email!));
    expect(mails).toHaveLength(2);
    expect(mails[0].text).toMatch(/\/i\/inv\w+\.[\w-]{22}/);
    expect(mails[0].headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect((await invitationsOf(t.id)).map((i) => i.status)).toEqual(["sent", "sent"]);

    // The funnel: invited 2, sent 2, and an answer after both e-mails counts as started and completed — for the
    // later invitation only (docs/metrics.md: an answer belongs to the latest invitation delivered before it).
    await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: survey.id,
        clientId: `r-${uid()}`,
        customerId: c.id,
        metric: "nps",
        score: 9,
        category: "promoter",
        completed: true,
      },
    });
    const got = await http("GET", `/api/v1/triggers/${t.id}`, { key: A.keys.manager });
    expect(got.body.funnel).toMatchObject({ invited: 2, sent: 2, delivered: 2, started: 1, completed: 1, queued: 0 });
  });

  it("asks the contact rules: an opted-out customer's invitation is recorded as suppressed, with no message", async () => {
    const tp = await touchpoint();
    const t = await trigger({ event: "interaction", touchpointId: tp.id, delayAmount: 0 });
    const out = await customer(A, { consent: false });
    const noMail = await customer(A, { email: null });
    await logInteraction({ customerId: out.id, touchpointId: tp.id });
    await logInteraction({ customerId: noMail.id, touchpointId: tp.id });
    const inv = await invitationsOf(t.id);
    expect(inv.map((i) => [i.status, i.reason, i.messages.length])).toEqual([
      ["suppressed", "opted_out", 0],
      ["suppressed", "no_email", 0],
    ]);
    const got = await http("GET", `/api/v1/triggers/${t.id}`, { key: A.keys.manager });
    expect(got.body.funnel).toMatchObject({ invited: 2, suppressed: 2, sent: 0 });
  });

  it("a rolled-back interaction invites no one; the unique (trigger, cause) refuses a second invitation", async () => {
    const tp = await touchpoint();
    const t = await trigger({ event: "interaction", touchpointId: tp.id, delayAmount: 0 });
    const c = await customer(A);
    let interactionId = "";
    await expect(
      db.$transaction(async (tx) => {
        const i = await tx.interaction.create({
          data: { orgId: A.orgId, customerId: c.id, touchpointId: tp.id, occurredAt: new Date(), outcome: "resolved" },
        });
        interactionId = i.id;
        expect(await fireInteractionTriggers(tx, A.orgId, [i])).toBe(1);
        throw new Error("the cause fails after the trigger fired");
      }),
    ).rejects.toThrow("the cause fails");
    expect(await db.interaction.count({ where: { id: interactionId } })).toBe(0);
    expect(await db.invitation.count({ where: { triggerId: t.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { invitation: { triggerId: t.id } } })).toBe(0);

    const row = await db.trigger.findUniqueOrThrow({ where: { id: t.id } });
    const cause = { key: `interaction:x-${uid()}`, customerId: c.id, at: new Date() };
    await db.$transaction((tx) => inviteFor(tx, row, [cause]));
    const again = await db.$transaction((tx) => inviteFor(tx, row, [cause]));
    expect(again.get(cause.key)?.existing).toBe(true);
    expect(await db.invitation.count({ where: { triggerId: t.id } })).toBe(1);
    await expect(
      db.invitation.create({
        data: { orgId: A.orgId, triggerId: t.id, causeKey: cause.key, customerId: c.id, surveyId: survey.id },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("the CSV import fires for recent interactions only, once: a re-import of the same file adds nothing", async () => {
    const tp = await touchpoint();
    const t = await trigger({ event: "interaction", touchpointId: tp.id, delayAmount: 1, delayUnit: "days" });
    const [c1, c2] = [await customer(A), await customer(A)];
    const p = uid();
    const recent = new Date(Date.now() - 2 * HOUR).toISOString();
    const csv = [
      "customer,touchpoint,occurredAt,outcome,clientId",
      `${c1.externalId},${tp.id},${recent},resolved,${p}-1`,
      `${c2.externalId},${tp.id},${recent},follow_up,${p}-2`,
      `${c1.externalId},${tp.id},2025-01-10T10:00:00Z,resolved,${p}-3`, // history
      `${c2.externalId},${A.ids.touchpoint},${recent},resolved,${p}-4`, // another touchpoint
    ].join("\n");
    const r = await postCsv("/api/v1/imports/interactions", A.keys.manager, csv, { mode: "all_or_nothing" });
    expect(r.result).toMatchObject({ done: true, inserted: 4 });
    const again = await postCsv("/api/v1/imports/interactions", A.keys.manager, csv, { mode: "all_or_nothing" });
    expect(again.result).toMatchObject({ done: true, inserted: 0, skipped: 4 });
    const inv = await invitationsOf(t.id);
    expect(inv.map((i) => i.customerId).sort()).toEqual([c1.id, c2.id].sort());
    for (const i of inv) {
      const due = i.messages[0].nextAttemptAt!.getTime();
      expect(Math.abs(due - (Date.parse(recent) + 24 * HOUR))).toBeLessThan(1000);
    }
  });
});

describe("send window and reminders", () => {
  it("waits for the trigger's send window in the customer's time zone, and reminds a non-respondent once", async () => {
    const tp = await touchpoint();
    const window = { windowStartHour: 3, windowEndHour: 4 }; // one hour a day: rarely the hour the suite runs in
    const t = await trigger({
      event: "interaction",
      touchpointId: tp.id,
      delayAmount: 0,
      timeZone: "America/New_York",
      ...window,
      reminderCount: 1,
      reminderDelayHours: 48,
    });
    const [local, tokyo] = [await customer(A), await customer(A)];
    await db.customer.update({ where: { id: tokyo.id }, data: { attributes: { timeZone: "Asia/Tokyo" } } });
    const before = new Date();
    await logInteraction({ customerId: local.id, touchpointId: tp.id });
    await logInteraction({ customerId: tokyo.id, touchpointId: tp.id });
    const inv = await invitationsOf(t.id);
    const due = inv.map((i) => i.messages[0].nextAttemptAt!);
    const w = { startHour: 3, endHour: 4 };
    // Within a minute of the window's first moment after the interaction, in each customer's zone.
    for (const [i, tz] of [
      [0, "America/New_York"],
      [1, "Asia/Tokyo"],
    ] as const) {
      expect(inWindow(due[i], tz, w)).toBe(true);
      expect(Math.abs(due[i].getTime() - nextInWindow(before, tz, w).getTime())).toBeLessThan(60_000);
    }

    // Due now (as if the window had opened): sent; then one reminder, 48 hours later, and no more.
    await db.outboxMessage.updateMany({
      where: { invitation: { triggerId: t.id } },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await db.trigger.update({ where: { id: t.id }, data: { windowStartHour: 0, windowEndHour: 0 } });
    await runDueMessages({ mailer });
    const sent = await invitationsOf(t.id);
    expect(sent.map((i) => i.status)).toEqual(["sent", "sent"]);
    for (const i of sent) {
      expect(i.messages.map((m) => m.seq).sort()).toEqual([0, 1]);
      const reminder = i.messages.find((m) => m.seq === 1)!;
      expect(reminder.nextAttemptAt!.getTime() - i.sentAt!.getTime()).toBe(48 * HOUR);
    }
  });
});

describe("a send window inside the quiet hours", () => {
  it("is a 400 naming windowStartHour to create or change to; partly inside is saved; pausing stays possible", async () => {
    const org = await createOrg("trig-quiet");
    await db.contactRule.update({ where: { orgId: org.orgId }, data: { quietStartHour: 21, quietEndHour: 8 } });
    const s = await createSurvey(org.orgId);
    const post = (body: Record<string, unknown>) =>
      http("POST", "/api/v1/triggers", {
        key: org.keys.manager,
        body: { name: `q ${uid()}`, event: "interaction", surveyId: s.id, delayAmount: 1, ...body },
      });
    const never = await post({ windowStartHour: 22, windowEndHour: 6 });
    expect(never.status).toBe(400);
    expect(never.contentType).toContain("application/problem+json");
    // English, and nothing else: the forms' catalogue message (lib/errors.ts, InvalidParam) stays on the server
    expect(never.body.invalid_params).toEqual([
      {
        name: "windowStartHour",
        reason:
          "The send window lies entirely in the organization's quiet hours (21:00–08:00): nothing could ever be sent. Choose hours outside them.",
        in: "body",
      },
    ]);
    expect(await db.trigger.count({ where: { orgId: org.orgId, builtIn: null } })).toBe(1); // the factory's only
    const partly = await post({ windowStartHour: 7, windowEndHour: 10 });
    expect(partly.status).toBe(201);
    const patch = (body: Record<string, unknown>) =>
      http("PATCH", `/api/v1/triggers/${partly.body.id}`, { key: org.keys.manager, body });
    const moved = await patch({ windowEndHour: 8 }); // 07:00–08:00: entirely quiet
    expect(moved.status).toBe(400);
    expect(moved.body.invalid_params.map((p: { name: string }) => p.name)).toEqual(["windowStartHour"]);
    expect(await db.trigger.findUniqueOrThrow({ where: { id: partly.body.id } })).toMatchObject({ windowEndHour: 10 });
    // quiet hours that later swallow the window do not stop the trigger from being paused
    await db.contactRule.update({ where: { orgId: org.orgId }, data: { quietStartHour: 0, quietEndHour: 12 } });
    expect((await patch({ status: "paused" })).status).toBe(200);
  });
});

describe("a trigger's page", () => {
  it("shows its response rates and saves its edit form; another organization's trigger is a 404", async () => {
    const t = await trigger({ event: "interaction", delayAmount: 2, reminderCount: 1 });
    const cookie = (await signIn(A.users.manager.email, TEST_PASSWORD))!;
    const page = await http("GET", `/surveys/triggers/${t.id}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    for (const text of ["Response rate", "Funnel", "Answers after each reminder", "Settings", "Save trigger"])
      expect(page.body).toContain(text);
    expect((await http("GET", `/surveys/triggers/${B.ids.trigger}`, { headers: { cookie } })).status).toBe(404);
    await expect(getTriggerRates(A.ctx("manager"), B.ids.trigger)).rejects.toBeInstanceOf(NotFoundError);

    // The edit form: every field it shows; blanks are "any touchpoint", the default subject, the organization's zone.
    const save = (id: string, form: Record<string, string>) =>
      callServerAction(
        { file: "app/_actions/triggers.ts", name: "updateTriggerAction", bound: [id] },
        { cookie, form },
      );
    const tp = await touchpoint();
    const form = {
      name: "Renamed on its page",
      surveyId: survey.id,
      touchpointId: tp.id,
      outcome: "",
      delayAmount: "3",
      delayUnit: "days",
      windowStartHour: "8",
      windowEndHour: "18",
      timeZone: "",
      subject: "",
      reminderCount: "2",
      reminderDelayHours: "48",
    };
    expect((await save(t.id, form)).status).toBe(200);
    expect(await db.trigger.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      name: "Renamed on its page",
      touchpointId: tp.id,
      outcome: null,
      delayAmount: 3,
      delayUnit: "days",
      windowStartHour: 8,
      windowEndHour: 18,
      timeZone: null,
      subject: null,
      reminderCount: 2,
      reminderDelayHours: 48,
    });
    // a bad field is named and nothing changes; another organization's trigger changes nothing
    const bad = await save(t.id, { ...form, name: "", delayAmount: "-1" });
    expect(bad.text).toContain("Name the trigger");
    expect((await db.trigger.findUniqueOrThrow({ where: { id: t.id } })).name).toBe("Renamed on its page");
    await save(B.ids.trigger, form);
    expect((await db.trigger.findUniqueOrThrow({ where: { id: B.ids.trigger } })).name).toBe("trig-b trigger");
  });

  it("its response rate: 1 of 2 delivered invitations answered is 50 %, the reminder row counts both sends", async () => {
    const tp = await touchpoint();
    const t = await trigger({ event: "interaction", touchpointId: tp.id, delayAmount: 0 });
    const [c1, c2] = [await customer(A), await customer(A)];
    await logInteraction({ customerId: c1.id, touchpointId: tp.id });
    await logInteraction({ customerId: c2.id, touchpointId: tp.id });
    await runDueMessages({ mailer });
    const sent = await invitationsOf(t.id);
    expect(sent.map((i) => i.status)).toEqual(["sent", "sent"]);
    await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: survey.id,
        clientId: `tr-${uid()}`,
        customerId: c1.id,
        metric: "nps",
        score: 9,
        category: "promoter",
        completed: true,
        completedAt: new Date(),
        submittedAt: new Date(Date.now() + 1000),
      },
    });
    const rates = await getTriggerRates(A.ctx("manager"), t.id);
    expect(rates.funnel).toMatchObject({ invited: 2, sent: 2, delivered: 2, started: 1, completed: 1 });
    expect(rates.responseRate).toMatchObject({ answered: 1, delivered: 2, rate: 50 });
    expect(rates.reminders).toEqual([{ message: 0, sent: 2, answered: 1, completed: 1 }]);
    // the same over the API; another organization's trigger is a 404
    const api = await http("GET", `/api/v1/triggers/${t.id}/response-rates`, { key: A.keys.manager });
    expect(api.status).toBe(200);
    expect(api.body.responseRate).toMatchObject({ answered: 1, delivered: 2, rate: 50 });
    expect(api.body.trigger).toEqual({ id: t.id, name: expect.any(String) });
    const foreign = await http("GET", `/api/v1/triggers/${B.ids.trigger}/response-rates`, { key: A.keys.manager });
    expect(foreign.status).toBe(404);
  });
});

describe("the zone of the quiet hours (window.ts sendTimeZone)", () => {
  it("the re-survey, which names no zone, reads the quiet hours in the contact rule's zone, not UTC", async () => {
    const org = await createOrg("trig-zone");
    await db.contactRule.update({
      where: { orgId: org.orgId },
      data: { capDays: 0, quietStartHour: 21, quietEndHour: 8, timeZone: "Europe/Zurich" },
    });
    const t = { ...(await resurveyTrigger(org.orgId)), surveyId: (await createSurvey(org.orgId)).id };
    expect(t.timeZone).toBeNull();
    const c = await customer(org);
    // 20:30 UTC on 4 December = 21:30 in Zurich: quiet there (not in UTC), so the e-mail waits for 08:00 Zurich.
    const now = new Date("2026-12-04T20:30:00Z");
    const zoned = await db.$transaction((tx) =>
      inviteFor(tx, t, [{ key: `case:zone-${uid()}`, customerId: c.id, at: now }], now),
    );
    expect([...zoned.values()][0].dueAt?.toISOString()).toBe("2026-12-05T07:00:00.000Z");
    // A customer with a zone of their own keeps theirs: 20:30 UTC is 15:30 in New York, outside the quiet hours.
    await db.customer.update({ where: { id: c.id }, data: { attributes: { tz: "America/New_York" } } });
    const own = await db.$transaction((tx) =>
      inviteFor(tx, t, [{ key: `case:zone-${uid()}`, customerId: c.id, at: now }], now),
    );
    expect([...own.values()][0].dueAt?.toISOString()).toBe(now.toISOString());
  });
});

describe("paused, deleted, and case triggers", () => {
  it("a paused trigger fires nothing new and its queued messages wait until it is resumed", async () => {
    const tp = await touchpoint();
    const t = await trigger({ event: "interaction", touchpointId: tp.id, delayAmount: 0 });
    const c = await customer(A);
    await logInteraction({ customerId: c.id, touchpointId: tp.id });
    expect(
      (await http("PATCH", `/api/v1/triggers/${t.id}`, { key: A.keys.manager, body: { status: "paused" } })).status,
    ).toBe(200);
    await logInteraction({ customerId: c.id, touchpointId: tp.id }); // while paused: not surveyed
    await runDueMessages({ mailer });
    expect(sink.messages.filter((m) => m.to.includes(c.email!))).toHaveLength(0);
    const waiting = await invitationsOf(t.id);
    expect(waiting.map((i) => [i.status, i.messages[0].status])).toEqual([["queued", "pending"]]);
    await http("PATCH", `/api/v1/triggers/${t.id}`, { key: A.keys.manager, body: { status: "active" } });
    await runDueMessages({ mailer });
    expect(sink.messages.filter((m) => m.to.includes(c.email!))).toHaveLength(1);
    expect((await invitationsOf(t.id)).map((i) => i.status)).toEqual(["sent"]);
  });

  it("deleting a trigger drops what it has not sent; the invitation stays, cancelled", async () => {
    const tp = await touchpoint();
    const t = await trigger({ event: "interaction", touchpointId: tp.id, delayAmount: 0 });
    const c = await customer(A);
    await logInteraction({ customerId: c.id, touchpointId: tp.id });
    const [inv] = await invitationsOf(t.id);
    expect((await http("DELETE", `/api/v1/triggers/${t.id}`, { key: A.keys.manager })).status).toBe(204);
    await runDueMessages({ mailer });
    expect(sink.messages.filter((m) => m.to.includes(c.email!))).toHaveLength(0);
    const after = await db.invitation.findUniqueOrThrow({ where: { id: inv.id }, include: { messages: true } });
    expect(after).toMatchObject({ triggerId: null, status: "cancelled", reason: "trigger deleted" });
    expect(after.messages.map((m) => [m.status, m.lastError])).toEqual([["skipped", "trigger deleted"]]);
  });

  it("a case-resolved trigger fires once per case, in the resolution's transaction, even when it is resolved again", async () => {
    const t = await trigger({ event: "case_resolved", delayAmount: 1, delayUnit: "days" });
    const c = await customer(A);
    const kase = await db.case.create({
      data: { orgId: A.orgId, customerId: c.id, title: "Follow-up", triggerKey: `manual:${uid()}` },
    });
    const resolve = () =>
      http("PATCH", `/api/v1/cases/${kase.id}`, {
        key: A.keys.agent,
        body: { status: "resolved", resolution: "Fixed" },
      });
    expect((await resolve()).status).toBe(200);
    expect(
      (await http("PATCH", `/api/v1/cases/${kase.id}`, { key: A.keys.agent, body: { status: "open" } })).status,
    ).toBe(200);
    expect((await resolve()).status).toBe(200);
    const inv = await invitationsOf(t.id);
    expect(inv.map((i) => i.causeKey)).toEqual([`case:${kase.id}`]);
    expect(inv[0].messages[0].nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(23 * HOUR);
    // A resolution refused (no note) invites no one.
    const other = await db.case.create({
      data: { orgId: A.orgId, customerId: c.id, title: "Follow-up", triggerKey: `manual:${uid()}` },
    });
    expect(
      (await http("PATCH", `/api/v1/cases/${other.id}`, { key: A.keys.agent, body: { status: "resolved" } })).status,
    ).toBe(400);
    expect(await db.invitation.count({ where: { triggerId: t.id, causeKey: `case:${other.id}` } })).toBe(0);
  });
});

describe("SMS triggers", () => {
  it("text the customer's number in E.164 form under the same contact rules: no phone → no_phone, an e-mail invitation within the cap → recently_invited", async () => {
    const C = await createOrg("trig-sms");
    await db.contactRule.update({ where: { orgId: C.orgId }, data: { capDays: 30 } });
    const s = await createSurvey(C.orgId, { type: "nps" });
    const [smsTp, mailTp] = [await touchpoint(C), await touchpoint(C)];
    const make = (body: Record<string, unknown>) =>
      http("POST", "/api/v1/triggers", {
        key: C.keys.manager,
        body: { name: `t ${uid()}`, surveyId: s.id, event: "interaction", delayAmount: 0, ...ANY_HOUR, ...body },
      });
    const fax = await make({ channel: "fax", touchpointId: smsTp.id });
    expect(fax.status).toBe(400);
    expect(names(fax.body)).toEqual(["channel"]);
    const t = (await make({ channel: "sms", touchpointId: smsTp.id })).body as { id: string; channel: string };
    expect(t.channel).toBe("sms");
    expect(await db.channel.count({ where: { orgId: C.orgId, key: "sms" } })).toBe(1);
    const mailTrigger = (await make({ touchpointId: mailTp.id })).body as { id: string; channel: string };
    expect(mailTrigger.channel).toBe("email");

    const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
    const ann = await customer(C, { phone: `0041 79 ${digits.slice(0, 3)} ${digits.slice(3)}` });
    const noPhone = await customer(C, { phone: "079 123 45 67" }); // national: not guessed
    const mailed = await customer(C, { phone: `+4178${digits}` });
    const log = (customerId: string, touchpointId: string) =>
      http("POST", "/api/v1/interactions", {
        key: C.keys.agent,
        body: { outcome: "resolved", customerId, touchpointId },
      });
    expect((await log(mailed.id, mailTp.id)).status).toBe(201); // an e-mail invitation: the customer's contact
    for (const c of [ann, noPhone, mailed]) expect((await log(c.id, smsTp.id)).status).toBe(201);

    const inv = await invitationsOf(t.id);
    const of = (id: string) => inv.find((i) => i.customerId === id)!;
    expect([ann, noPhone, mailed].map((c) => [of(c.id).status, of(c.id).reason, of(c.id).messages.length])).toEqual([
      ["queued", null, 1],
      ["suppressed", "no_phone", 0],
      ["suppressed", "recently_invited", 0],
    ]);
    expect(of(ann.id).address).toBe(`+4179${digits}`);
    const logged = await db.suppressionLog.findMany({ where: { orgId: C.orgId, channel: "sms" } });
    expect(logged.map((l) => [l.source, l.reason]).sort()).toEqual([
      ["trigger", "no_phone"],
      ["trigger", "recently_invited"],
    ]);

    const twilio = await startTwilioReceiver();
    try {
      await runDueMessages({ mailer: null, sms: smsProviderFromEnv(twilio.env)! });
      const texts = twilio.requests.filter((r) => r.to === `+4179${digits}`);
      expect(texts).toHaveLength(1);
      expect(texts[0].body).toContain(`/i/${invitationToken(of(ann.id).id)} Reply STOP to opt out`);
      expect(twilio.requests.filter((r) => r.to === `+4178${digits}`)).toHaveLength(0);
    } finally {
      await twilio.stop();
    }
    const got = await http("GET", `/api/v1/triggers/${t.id}`, { key: C.keys.manager });
    expect(got.body.funnel).toMatchObject({ invited: 3, sent: 1, delivered: 1, suppressed: 2, queued: 0 });
  });
});
