// Customer 360: one timeline of interactions, responses and cases, newest first, paginated without gaps
// or repeats even when items share a timestamp; and the loyalty stage from the database.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLoyalty, getTimeline } from "@/lib/customers/timeline";
import { createOrg, type Org } from "../factories";
import { http } from "./http";

let A: Org;
let customerId: string;
const T = new Date("2026-06-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000);

beforeAll(async () => {
  A = await createOrg("timeline");
  customerId = (await db.customer.create({ data: { orgId: A.orgId, name: "Tim Line" } })).id;
  const base = { orgId: A.orgId, customerId };
  for (let i = 0; i < 7; i++)
    await db.interaction.create({ data: { ...base, occurredAt: at(i), outcome: "resolved", note: `i${i}` } });
  // three items at the very same millisecond, of three kinds
  await db.interaction.create({ data: { ...base, occurredAt: at(3), outcome: "follow_up", note: "same-ms" } });
  await db.response.create({
    data: {
      ...base,
      surveyId: A.ids.survey,
      clientId: "tl-1",
      metric: "nps",
      score: 10,
      category: "promoter",
      submittedAt: at(3),
    },
  });
  await db.case.create({ data: { ...base, title: "same-ms case", createdAt: at(3) } });
  await db.response.create({
    data: {
      ...base,
      surveyId: A.ids.survey,
      clientId: "tl-2",
      metric: "csat",
      score: 2,
      category: "dissatisfied",
      submittedAt: at(20),
    },
  });
});

describe("timeline", () => {
  it("merges every kind newest first and pages through all of them exactly once", async () => {
    const seen: Array<{ kind: string; id: string; at: Date }> = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await getTimeline(A.ctx("viewer"), customerId, { limit: 3, before });
      seen.push(...res.data);
      if (!res.nextCursor) break;
      before = res.nextCursor;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen.map((s) => s.id)).size).toBe(11);
    const times = seen.map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen[0].kind).toBe("response");
    expect(
      seen
        .filter((s) => s.at.getTime() === at(3).getTime())
        .map((s) => s.kind)
        .sort(),
    ).toEqual(["case", "interaction", "interaction", "response"]);
  });

  it("is served over HTTP and rejects a malformed cursor", async () => {
    const res = await http("GET", `/api/v1/customers/${customerId}/timeline?limit=2`, { key: A.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.nextCursor).toMatch(/^\d{13}_/);
    const bad = await http("GET", `/api/v1/customers/${customerId}/timeline?before=yesterday`, { key: A.keys.viewer });
    expect(bad.status).toBe(400);
    expect(bad.body.invalid_params[0].name).toBe("before");
  });

  it("derives the loyalty stage from the most recent score and activity", async () => {
    // most recent score is CSAT 2 → at risk (even though an NPS 10 came before)
    expect((await getLoyalty(A.ctx("viewer"), customerId, at(60))).stage).toBe("at_risk");
    await db.response.create({
      data: {
        orgId: A.orgId,
        customerId,
        surveyId: A.ids.survey,
        clientId: "tl-3",
        metric: "nps",
        score: 9,
        category: "promoter",
        submittedAt: at(30),
      },
    });
    expect((await getLoyalty(A.ctx("viewer"), customerId, at(60))).stage).toBe("advocate");
    expect((await getLoyalty(A.ctx("viewer"), customerId, new Date(at(30).getTime() + 400 * 86_400_000))).stage).toBe(
      "unknown",
    );
  });
});
