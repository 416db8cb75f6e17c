// Search text is matched literally on SQLite and PostgreSQL (lib/db-text.ts): % and _ typed into `q` are characters,
// not LIKE wildcards, in the responses inbox, the interactions list and the customer search, over the API as on the
// pages that share their where-builders. Prisma 7 passes the text of `contains` / `startsWith` through to LIKE.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { escapePrismaLikes } from "@/lib/db";
import { createCustomer, searchCustomers } from "@/lib/customers/service";
import { createOrg, uid, type Org } from "../factories";
import { http } from "./http";

let A: Org;
const TEXTS = ["got 50% off", "got 500 off", "id a_b here", "id axb here", "path back\\slash", "50\\% literally"];

beforeAll(async () => {
  A = await createOrg("wild");
  for (const text of TEXTS) {
    await db.response.create({
      data: {
        orgId: A.orgId,
        surveyId: A.ids.survey,
        clientId: `r-${uid()}`,
        metric: "nps",
        score: 5,
        category: "detractor",
        completed: true,
        comment: text,
        hasComment: true,
      },
    });
    await db.interaction.create({
      data: {
        orgId: A.orgId,
        customerId: A.ids.customer,
        touchpointId: A.ids.touchpoint,
        occurredAt: new Date(),
        outcome: "resolved",
        note: text,
      },
    });
  }
  await createCustomer(A.ctx("agent"), { name: "Noah_Clark", email: `n1-${uid()}@example.test` });
  await createCustomer(A.ctx("agent"), { name: "Noahx Clark", email: `n2-${uid()}@example.test` });
});

async function found(path: "/api/v1/responses" | "/api/v1/interactions", q: string): Promise<string[]> {
  const res = await http("GET", `${path}?limit=100&q=${encodeURIComponent(q)}`, { key: A.keys.viewer });
  expect(res.status).toBe(200);
  const field = path === "/api/v1/responses" ? "comment" : "note";
  return res.body.data.map((r: Record<string, string>) => r[field]).sort();
}

describe("q matches its text literally", () => {
  for (const path of ["/api/v1/responses", "/api/v1/interactions"] as const) {
    it(`${path}: % and _ are characters, a backslash is a backslash`, async () => {
      expect(await found(path, "50%")).toEqual(["got 50% off"]);
      expect(await found(path, "a_b")).toEqual(["id a_b here"]);
      expect(await found(path, "%%")).toEqual([]);
      expect(await found(path, "__")).toEqual([]);
      expect(await found(path, "back\\slash")).toEqual(["path back\\slash"]);
      expect(await found(path, "0\\%")).toEqual(["50\\% literally"]);
      expect(await found(path, "got 50")).toEqual(["got 50% off", "got 500 off"]);
    });
  }

  it("customer search: an underscore is a character", async () => {
    const names = async (q: string) => (await searchCustomers(A.ctx("viewer"), q)).map((c) => c.name).sort();
    expect(await names("noah_")).toEqual(["Noah_Clark"]);
    expect(await names("noah")).toEqual(["Noah_Clark", "Noahx Clark"]);
  });
});

describe("escapePrismaLikes (SQLite: the LIKEs Prisma writes get ESCAPE '\\')", () => {
  it("names the escape character on contains, startsWith and endsWith, and nowhere else", () => {
    const sql =
      "SELECT 1 FROM `main`.`R` WHERE (`c` LIKE ('%' || ? || '%') AND `e` LIKE (? || '%') AND `x` LIKE ('%' || ?) AND `d` = ?)";
    expect(escapePrismaLikes(sql)).toBe(
      "SELECT 1 FROM `main`.`R` WHERE (`c` LIKE ('%' || ? || '%') ESCAPE '\\' AND `e` LIKE (? || '%') ESCAPE '\\' AND `x` LIKE ('%' || ?) ESCAPE '\\' AND `d` = ?)",
    );
    expect(escapePrismaLikes(escapePrismaLikes(sql))).toBe(escapePrismaLikes(sql));
    const raw = `SELECT "id" FROM "T" WHERE "x" LIKE ? ESCAPE '\\'`;
    expect(escapePrismaLikes(raw)).toBe(raw);
  });
});
