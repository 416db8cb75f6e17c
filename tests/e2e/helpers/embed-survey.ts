// Creates a live NPS survey in the demo organization whose settings allow a given site to embed it, and
// prints { id, publicId, channels } as JSON. Run with tsx as a child process by embed-widget.spec.ts
// (DATABASE_URL = the e2e database): the generated Prisma client is ESM with import.meta and .ts imports,
// which tsx runs as the app does, independent of Playwright's own TypeScript loader.
//   DATABASE_URL=file:… npx tsx tests/e2e/helpers/embed-survey.ts http://127.0.0.1:4567
//   DATABASE_URL=file:… npx tsx tests/e2e/helpers/embed-survey.ts --close <surveyId>
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

// `--close <surveyId>` closes it again afterwards, so that specs looking for "the live NPS survey" of the
// demo data (hosted-survey.spec.ts takes the newest) never pick this one.
if (process.argv[2] === "--close") {
  await db.survey.update({ where: { id: process.argv[3] }, data: { status: "closed" } });
  await db.$disconnect();
  process.exit(0);
}
const origin = process.argv[2];
if (!origin) throw new Error("usage: embed-survey.ts <allowed origin> | --close <surveyId>");

const org = await db.organization.findFirstOrThrow({ where: { slug: "demo" }, select: { id: true } });
const survey = await db.survey.create({
  data: {
    orgId: org.id,
    publicId: `embed${randomUUID().replaceAll("-", "").slice(0, 16)}`,
    name: "Embed widget E2E survey",
    type: "nps",
    status: "live",
    languages: ["en", "de"],
    defaultLocale: "en",
    settings: { allowedOrigins: [origin] },
  },
});
const questions = [
  {
    key: "nps",
    type: "score",
    required: true,
    headline: true,
    scaleMin: 0,
    scaleMax: 10,
    text: { en: "How likely are you to recommend Northwind to a friend?" },
  },
  {
    key: "why_low",
    type: "text",
    required: true,
    text: { en: "What should we improve?" },
    logic: { showIf: { question: "nps", lte: 6 } },
  },
  {
    key: "why_high",
    type: "text",
    text: { en: "What did you like most?" },
    logic: { showIf: { question: "nps", gte: 9 } },
  },
  {
    key: "plan",
    type: "single_choice",
    required: true,
    text: { en: "Which plan are you on?" },
    options: [
      { key: "basic", label: { en: "Basic" } },
      { key: "pro", label: { en: "Pro" } },
    ],
  },
];
await db.surveyQuestion.createMany({
  data: questions.map((q, position) => ({ ...q, orgId: org.id, surveyId: survey.id, position })),
});
const channels = await db.channel.findMany({ where: { orgId: org.id }, select: { id: true, key: true } });
process.stdout.write(
  JSON.stringify({
    id: survey.id,
    publicId: survey.publicId,
    channels: Object.fromEntries(channels.map((c) => [c.key, c.id])),
  }),
);
await db.$disconnect();
