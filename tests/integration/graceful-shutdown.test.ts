// SIGTERM (a deploy, `docker stop`, Ctrl-C) while respondents are submitting: the custom server
// (server/index.ts) stops taking connections, answers the requests it already has — their ingestion batch
// commits first — and exits cleanly. Every response answered 2xx is stored with all its answers, none is
// answered 5xx, and requests in flight when the signal came are answered, not dropped.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startServer, type RunningServer } from "../server";
import { createOrg } from "../factories";
import { createSurvey } from "../factories/surveys";
import { respondent } from "./http";

const WORKERS = 12;
let server: RunningServer | null = null;
let survey: Awaited<ReturnType<typeof createSurvey>>;

beforeAll(async () => {
  const A = await createOrg("sigterm");
  await db.channel.create({ data: { orgId: A.orgId, key: "web", name: "Website" } });
  survey = await createSurvey(A.orgId);
  server = await startServer({
    databaseUrl: process.env.DATABASE_URL!,
    env: { RESONANCE_PUBLIC_RATE_LIMITS: "100000000,100000000" },
  });
});
afterAll(async () => {
  await server?.stop();
});

describe("SIGTERM under load", () => {
  it(
    "answers the requests in flight, stores every acknowledged response and exits with 0",
    { timeout: 120_000 },
    async () => {
      const { url, process: child } = server!;
      const answered: Array<{ clientId: string; status: number; at: number }> = [];
      let networkErrors = 0;
      let running = true;
      const worker = async (w: number) => {
        for (let n = 0; running; n++) {
          const clientId = `sigterm-${randomUUID()}`;
          const nps = (n * WORKERS + w) % 11;
          try {
            const res = await fetch(`${url}/api/v1/public/surveys/${survey.publicId}/responses`, {
              method: "POST",
              headers: { "content-type": "application/json", ...respondent(`Mozilla/5.0 (respondent ${w})`) },
              body: JSON.stringify({
                clientId,
                complete: true,
                answers: { nps, ...(nps <= 6 ? { why_low: "Slow" } : {}), plan: "pro" },
              }),
            });
            await res.arrayBuffer();
            answered.push({ clientId, status: res.status, at: performance.now() });
          } catch {
            networkErrors++; // refused once the server stopped listening
            running = false;
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      while (answered.length < 40) await new Promise((r) => setTimeout(r, 10));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      const signalledAt = performance.now();
      process.kill(child.pid!, "SIGTERM");
      const code = await exited;
      running = false;
      await Promise.all(workers);
      server = null;

      const ok = answered.filter((a) => a.status >= 200 && a.status < 300);
      const afterSignal = ok.filter((a) => a.at > signalledAt);
      console.log(
        `SIGTERM test: ${answered.length} answered (${ok.length} 2xx, ${afterSignal.length} of them after the signal), ${networkErrors} refused`,
      );
      expect(code).toBe(0);
      expect(answered.filter((a) => a.status >= 300)).toEqual([]);
      expect(afterSignal.length).toBeGreaterThan(0); // requests in flight were answered, not dropped
      const stored = await db.response.findMany({
        where: { surveyId: survey.id },
        select: { clientId: true, score: true, _count: { select: { answers: true } } },
      });
      const byClient = new Map(stored.map((r) => [r.clientId, r]));
      for (const a of ok) {
        const row = byClient.get(a.clientId);
        expect(row, a.clientId).toBeDefined();
        expect(row!._count.answers).toBe(row!.score! <= 6 ? 3 : 2);
      }
    },
  );
});
