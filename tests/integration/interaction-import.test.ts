// Interaction CSV import and export over real HTTP (the shared import pipeline with the interaction kind): row
// errors name row and column, both modes, clientId idempotency, references resolved only inside the
// organization, export → re-import round trip. Runs on SQLite and PostgreSQL like the rest of the suite.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrg, uid, type Org } from "../factories";
import { baseURL } from "./http";
import { postCsv, problemRows } from "./import-client";

let A: Org;
let B: Org;
let extA: string;
let emailA: string;
let tpPathA: string;

beforeAll(async () => {
  [A, B] = [await createOrg("ix-a"), await createOrg("ix-b")];
  const c = await db.customer.findUniqueOrThrow({ where: { id: A.ids.customer } });
  [extA, emailA] = [c.externalId!, c.email!];
  const tp = await db.touchpoint.findUniqueOrThrow({
    where: { id: A.ids.touchpoint },
    include: { journey: true, stage: true },
  });
  tpPathA = `${tp.journey.name} / ${tp.stage.name} / ${tp.name}`;
});

const importInteractions = (key: string, body: BodyInit, query: Record<string, string> = {}) =>
  postCsv("/api/v1/imports/interactions", key, body, query);
const HEADER = "customer,touchpoint,channel,occurredAt,outcome,emotion,note,staff,clientId";

function mixedFile(p: string, bCustomerExt: string) {
  return [
    HEADER,
    `${extA},"${tpPathA}",phone,2025-03-01T09:00:00Z,resolved,2,Good call,${A.users.agent.email},${p}-1`,
    `NOPE-${p},,,2025-03-02T09:00:00Z,resolved,,,,${p}-2`, // row 3: unknown customer
    `${emailA},,,2025-03-03T09:00:00Z,follow_up,furious,,,${p}-3`, // row 4: bad emotion
    `${extA},,,03/04/2025,resolved,,,,${p}-4`, // row 5: bad date
    `${bCustomerExt},,,2025-03-05T09:00:00Z,resolved,,,,${p}-5`, // row 6: another organization's customer
    `${emailA.toUpperCase()},${A.ids.touchpoint},,2025-03-06T10:00:00Z,Follow up,Unhappy,Call back,,${p}-6`,
  ].join("\n");
}

const storedWith = (org: Org, p: string) =>
  db.interaction.findMany({
    where: { orgId: org.orgId, clientId: { startsWith: `${p}-` } },
    orderBy: { clientId: "asc" },
  });

describe("interaction import", () => {
  it("all_or_nothing stores none and names row and column of every bad row, including cross-org references", async () => {
    const p = `IAON-${uid()}`;
    const bExt = (await db.customer.findUniqueOrThrow({ where: { id: B.ids.customer } })).externalId!;
    const r = await importInteractions(A.keys.manager, mixedFile(p, bExt), { mode: "all_or_nothing" });
    expect(r.status).toBe(200);
    expect(r.result).toMatchObject({ done: true, rows: 6, inserted: 0, skipped: 0, invalid: 4 });
    expect(problemRows(r.result)).toEqual(["3:customer", "4:emotion", "5:occurredAt", "6:customer"]);
    expect(r.result.problems.find((x: { row: number }) => x.row === 6).reason).toContain("No customer");
    expect(await storedWith(A, p)).toHaveLength(0);
    expect(await db.interaction.count({ where: { clientId: { startsWith: `${p}-` } } })).toBe(0); // nor in B
  });

  it("skip_bad_rows stores exactly the good rows with their resolved references, and opens no case", async () => {
    const p = `ISBR-${uid()}`;
    const bExt = (await db.customer.findUniqueOrThrow({ where: { id: B.ids.customer } })).externalId!;
    const casesBefore = await db.case.count({ where: { orgId: A.orgId } });
    const r = await importInteractions(A.keys.manager, mixedFile(p, bExt), { mode: "skip_bad_rows" });
    expect(r.result).toMatchObject({ done: true, rows: 6, inserted: 2, invalid: 4 });
    const stored = await storedWith(A, p);
    expect(
      stored.map((i) => [
        i.clientId,
        i.customerId,
        i.touchpointId,
        i.channelId,
        i.staffId,
        i.occurredAt.toISOString(),
        i.outcome,
        i.emotion,
        i.note,
        i.source,
      ]),
    ).toEqual([
      [
        `${p}-1`,
        A.ids.customer,
        A.ids.touchpoint,
        A.ids.channel,
        A.users.agent.id,
        "2025-03-01T09:00:00.000Z",
        "resolved",
        2,
        "Good call",
        "import",
      ],
      [
        `${p}-6`,
        A.ids.customer,
        A.ids.touchpoint,
        A.ids.channel,
        null,
        "2025-03-06T10:00:00.000Z",
        "follow_up",
        -1,
        "Call back",
        "import",
      ],
    ]);
    expect(await db.case.count({ where: { orgId: A.orgId } })).toBe(casesBefore);
    const audit = await db.auditEvent.findFirst({
      where: { orgId: A.orgId, action: "interactions.imported" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.data).toMatchObject({ mode: "skip_bad_rows", inserted: 2, invalid: 4 });
  });

  it("re-importing a file with clientIds stores no duplicates: those rows are reported as skipped", async () => {
    const p = `IDUP-${uid()}`;
    const file = [
      HEADER,
      ...[1, 2, 3].map((i) => `${extA},,phone,2025-04-0${i}T08:00:00Z,resolved,0,,,${p}-${i}`),
    ].join("\n");
    expect((await importInteractions(A.keys.manager, file)).result).toMatchObject({
      inserted: 3,
      skipped: 0,
      invalid: 0,
    });
    const again = await importInteractions(
      A.keys.manager,
      file + `\n${extA},,,2025-04-09T08:00:00Z,no_action,,,,${p}-9`,
    );
    expect(again.result).toMatchObject({ inserted: 1, skipped: 3, invalid: 0 });
    expect(await storedWith(A, p)).toHaveLength(4);
    const twice = await importInteractions(
      A.keys.manager,
      `${HEADER}\n${extA},,,2025-04-01T08:00:00Z,resolved,,,,${p}-x1\n${extA},,,2025-04-01T08:00:00Z,resolved,,,,${p}-x1`,
    );
    expect(problemRows(twice.result)).toEqual(["3:clientId"]);
  });

  it("references of another organization are row errors: touchpoint, channel, staff", async () => {
    const p = `IXO-${uid()}`;
    const file = [
      HEADER,
      `${extA},${B.ids.touchpoint},,2025-05-01T08:00:00Z,resolved,,,,${p}-1`,
      `${extA},,nochannel,2025-05-01T08:00:00Z,resolved,,,,${p}-2`,
      `${extA},,,2025-05-01T08:00:00Z,resolved,,,${B.users.agent.email},${p}-3`,
      `${B.ids.customer},,,2025-05-01T08:00:00Z,resolved,,,,${p}-4`,
    ].join("\n");
    const r = await importInteractions(A.keys.manager, file, { mode: "skip_bad_rows" });
    expect(problemRows(r.result)).toEqual(["2:touchpoint", "3:channel", "4:staff", "5:customer"]);
    expect(r.result.inserted).toBe(0);
  });

  it("resolves a full batch naming 1,000 different customers and 1,000 clientIds (SQLite's 999-parameter limit)", async () => {
    const org = await createOrg("ix-many");
    const p = `IMANY-${uid()}`;
    const customers = ["externalId,name", ...Array.from({ length: 1000 }, (_, i) => `${p}-C${i},Many ${i}`)].join("\n");
    expect((await postCsv("/api/v1/imports/customers", org.keys.manager, customers)).result).toMatchObject({
      inserted: 1000,
    });
    const file = [
      HEADER,
      ...Array.from({ length: 1000 }, (_, i) => `${p}-C${i},,phone,2025-07-01T08:00:00Z,resolved,,,,${p}-${i}`),
    ].join("\n");
    expect((await importInteractions(org.keys.manager, file, { mode: "all_or_nothing" })).result).toMatchObject({
      inserted: 1000,
      invalid: 0,
    });
    expect((await importInteractions(org.keys.manager, file)).result).toMatchObject({ inserted: 0, skipped: 1000 });
    const seen = await db.customer.count({
      where: { orgId: org.orgId, externalId: { startsWith: `${p}-C` }, lastSeenAt: new Date("2025-07-01T08:00:00Z") },
    });
    expect(seen).toBe(1000);
  });

  it("answers 400 before streaming for a mapping without the required columns; agents may not import", async () => {
    const bad = await importInteractions(A.keys.manager, "customer,note\nx,y");
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params.map((x: { name: string }) => x.name)).toEqual(["mapping"]);
    const mapped = await importInteractions(A.keys.manager, "who,when,what\nx,2025-01-01,resolved", {
      mapping: JSON.stringify({ who: "customer", when: "occurredAt", what: "result" }),
    });
    expect(mapped.body.invalid_params.map((x: { name: string }) => x.name)).toEqual(["mapping.what"]);
    expect((await importInteractions(A.keys.agent, `${HEADER}\n`)).status).toBe(403);
  });
});

describe("interaction export", () => {
  it("exports the import's columns, re-imports into the same org as duplicates and into a copy of it as the same rows", async () => {
    const src = await createOrg("ix-src");
    const c = await db.customer.findUniqueOrThrow({ where: { id: src.ids.customer } });
    const p = `IRT-${uid()}`;
    const file = [
      HEADER,
      `${c.email},,,2025-06-01T08:00:00.000Z,escalated,-2,"=SUM(A1), said ""no""",${src.users.manager.email},${p}-1`,
    ].join("\n");
    expect((await importInteractions(src.keys.manager, file)).result).toMatchObject({ inserted: 1 });

    const res = await fetch(`${baseURL()}/api/v1/exports/interactions`, {
      headers: { authorization: `Bearer ${src.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = await res.text();
    // the import's columns, then the note's analysis (derived: the re-imports below ignore them)
    expect(csv.split("\n")[0]).toBe(`${HEADER},sentiment,sentiment_label,themes`);
    expect(csv).not.toContain(A.ids.customer);
    expect(await db.auditEvent.count({ where: { orgId: src.orgId, action: "interactions.exported" } })).toBe(1);

    // The same organization: every row (the factory's interaction without clientId too) is a duplicate.
    expect((await importInteractions(src.keys.manager, csv, { mode: "all_or_nothing" })).result).toMatchObject({
      inserted: 0,
      skipped: 2,
      invalid: 0,
    });

    // Remove them and import the export again: the same interactions come back.
    const shape = async () =>
      (await db.interaction.findMany({ where: { orgId: src.orgId }, orderBy: { occurredAt: "asc" } })).map((i) => [
        i.customerId,
        i.touchpointId,
        i.channelId,
        i.staffId,
        i.occurredAt.toISOString(),
        i.outcome,
        i.emotion,
        i.note,
      ]);
    const before = await shape();
    await db.case.deleteMany({ where: { orgId: src.orgId } });
    await db.interaction.deleteMany({ where: { orgId: src.orgId } });
    expect((await importInteractions(src.keys.manager, csv, { mode: "all_or_nothing" })).result).toMatchObject({
      inserted: 2,
      invalid: 0,
    });
    expect(await shape()).toEqual(before);
  });
});
