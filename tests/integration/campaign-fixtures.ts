// What the campaign suites share (campaigns.test.ts, contact-rules.test.ts): customers in a fresh live audience, a
// campaign of a new live survey that sends at any hour, and a second worker instance in its own process.
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";
import { createCampaign } from "@/lib/campaigns/service";
import { createCampaignSchema, type CreateCampaignInput } from "@/lib/campaigns/schema";
import { uid, type Org } from "../factories";
import { createSurvey } from "../factories/surveys";
import type { SmtpSink } from "./smtp-sink";

const root = path.resolve(__dirname, "../..");

export type CustomerSeed = {
  label: string;
  email?: string | null;
  externalId?: string | null;
  consent?: boolean | null;
  timeZone?: string;
};

/** Customers tagged with a fresh tag, and a live audience of that tag. */
export async function audienceOf(org: Org, seeds: CustomerSeed[], sink: SmtpSink) {
  const tag = `t-${uid()}`;
  const customers: Awaited<ReturnType<typeof db.customer.create>>[] = [];
  for (const s of seeds) {
    const c = await db.customer.create({
      data: {
        orgId: org.orgId,
        name: s.label,
        email: s.email === undefined ? `${s.label}-${uid()}@example.test` : s.email,
        externalId: s.externalId === undefined ? `X-${s.label}-${uid()}` : s.externalId,
        consent: s.consent ?? null,
        attributes: s.timeZone ? { timeZone: s.timeZone } : undefined,
        tags: { create: { orgId: org.orgId, tag } },
      },
    });
    customers.push(c);
  }
  const audience = await db.audience.create({
    data: {
      orgId: org.orgId,
      name: `aud ${tag}`,
      kind: "live",
      definition: { criteria: [{ type: "tags", tags: [tag] }] },
    },
  });
  const emails = new Set(customers.map((c) => c.email));
  return {
    audience,
    customers,
    byLabel: (l: string) => customers.find((c) => c.name === l)!,
    /** The messages the sink received for these customers (a reused database may hold other tests' due mail). */
    mails: () => sink.messages.filter((m) => emails.has(m.to[0])),
  };
}

export const ANY_TIME = { windowStartHour: 0, windowEndHour: 0 };

/** A campaign of a new live NPS survey to the audience, sending at any hour unless `input` says otherwise. */
export async function campaign(org: Org, audienceId: string, input: Partial<CreateCampaignInput> = {}) {
  const survey = await createSurvey(org.orgId);
  const c = await createCampaign(
    org.ctx("manager"),
    createCampaignSchema.parse({ name: `c ${uid()}`, surveyId: survey.id, audienceId, ...ANY_TIME, ...input }),
  );
  return { campaign: c, survey };
}

/**
 * Another instance of the campaign worker (campaign-worker.ts) in its own process, sending to `smtpUrl`: `ready`
 * once it has loaded and ticked, `stop` closes its stdin (it finishes its tick and exits), `done` gives the send
 * attempts it made, `kill` for the test's end.
 */
export function workerProcess(smtpUrl: string) {
  const p = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/integration/campaign-worker.ts"],
    { cwd: root, env: { ...process.env, SMTP_URL: smtpUrl }, stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  let markReady = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  p.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.includes("ready")) markReady();
  });
  const done = new Promise<number>((resolve, reject) => {
    p.on("error", reject);
    p.on("exit", (code) =>
      code === 0 ? resolve(Number(/attempts=(\d+)/.exec(out)?.[1] ?? -1)) : reject(new Error(`exit ${code}`)),
    );
  });
  return { ready, done, stop: () => p.stdin!.end(), kill: () => p.kill() };
}
