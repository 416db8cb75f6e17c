// The cost of text analytics on the ingestion batch's write, in process (no HTTP): transactions that write B new
// responses with their answers as lib/surveys/ingest-batch.ts does (multi-row INSERTs of complete rows), with the
// analyses (analyseOnWrite) and without, in alternating rounds; prints the CPU milliseconds per response of each
// (the database's included on SQLite, which runs in this process) and the wall time per response (which holds
// PostgreSQL's own work, and the machine's other load). Steadier than the HTTP benchmark
// (bench/ingest.ts --compare=text-analytics) on a busy machine; docs/text-analytics.md, "On the write path".
//   DATABASE_URL=file:$PWD/tmp/bench/text-write.db npx tsx bench/text-write.ts [--batch=10] [--iterations=150] [--rounds=4]
//                 [--pages]   (SQLite: instead of CPU, the pages each transaction writes, by table and index: the WAL is
//                              not checkpointed during the run, each transaction's frames are read back from the WAL
//                              file and their page numbers looked up in the dbstat table; a page written is a page of
//                              WAL and, later, of checkpoint. docs/text-analytics.md, "On the write path")
// The database must be migrated (node scripts/db.mjs migrate); each run adds its own organization.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { db, provider } from "../lib/db";
import { insertBatches, newId } from "../lib/db-bulk";
import { analyseOnWrite, analysisRows, responseItems, type AnswerText } from "../lib/text-analytics/store";
import { cachedTextContexts } from "../lib/text-analytics/taxonomy";
import { loadEvaluationSet } from "../lib/text/evaluation";
import { arg } from "./lib/timing";

const B = Number(arg("batch", "10"));
const ITERATIONS = Number(arg("iterations", "150"));
const ROUNDS = Number(arg("rounds", "4"));
const texts = loadEvaluationSet()
  .filter((c) => c.language === "en")
  .map((c) => c.text);
const org = await db.organization.create({ data: { name: "Write", slug: `write-${randomUUID().slice(0, 8)}` } });
const survey = await db.survey.create({
  data: {
    orgId: org.id,
    publicId: `write${randomUUID().replaceAll("-", "")}`,
    name: "Write",
    type: "nps",
    status: "live",
    languages: ["en"],
    defaultLocale: "en",
  },
});
const questions: { id: string }[] = [];
for (const [position, [key, type]] of [
  ["nps", "score"],
  ["why", "text"],
  ["plan", "single_choice"],
].entries())
  questions.push(
    await db.surveyQuestion.create({
      data: { orgId: org.id, surveyId: survey.id, key, type, position, text: { en: key } },
    }),
  );

let k = 0;
/** B responses as the public API writes them: 9 in 11 with a comment (bench/ingest.ts --comments=realistic). */
function batch() {
  const now = new Date();
  const responses = [];
  const answers: (AnswerText & { orgId: string; questionId: string; valueNumber?: number; valueChoice?: string })[] =
    [];
  for (let i = 0; i < B; i++, k++) {
    const id = newId();
    const comment = k % 11 === 7 || k % 11 === 8 ? null : texts[k % texts.length];
    responses.push({
      id,
      orgId: org.id,
      surveyId: survey.id,
      surveyVersion: 1,
      clientId: randomUUID(),
      metric: "nps",
      score: 3,
      category: "detractor",
      comment,
      hasComment: comment !== null,
      completed: true,
      locale: "en",
      submittedAt: now,
      completedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    answers.push({ id: newId(), orgId: org.id, responseId: id, questionId: questions[0].id, valueNumber: 3 });
    if (comment)
      answers.push({ id: newId(), orgId: org.id, responseId: id, questionId: questions[1].id, valueText: comment });
    answers.push({ id: newId(), orgId: org.id, responseId: id, questionId: questions[2].id, valueChoice: '"pro"' });
  }
  return { responses, answers };
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
type Mode = "off" | "on" | "analysis only";
/** Wall milliseconds per response of the last round (PostgreSQL's own work is in it, not in this process's CPU). */
const wall = new Map<Mode, number[]>();
/** One transaction of B new responses, as the ingestion batch writes them. */
async function write(mode: Mode) {
  const { responses, answers } = batch();
  await db.$transaction(async (tx) => {
    await insertBatches(tx, "Response", "responses", responses);
    await insertBatches(tx, "Answer", "answers", answers);
    if (mode === "on") await analyseOnWrite(tx, { responses, answers });
    // The analysis without its INSERTs: what the rows cost to make.
    if (mode === "analysis only")
      analysisRows(responseItems(responses, answers), await cachedTextContexts(tx, [org.id]));
  });
}

async function round(mode: Mode) {
  const c0 = cpu();
  const w0 = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await write(mode);
  wall.set(mode, [...(wall.get(mode) ?? []), (performance.now() - w0) / (ITERATIONS * B)]);
  return (cpu() - c0) / (ITERATIONS * B);
}

/** --pages: the pages (WAL frames) a transaction writes, per table and index, with analytics off and on. */
async function pages() {
  if (provider !== "sqlite") throw new Error("--pages reads SQLite's WAL file");
  const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "").split("?")[0];
  // The app's one connection; without checkpoints every frame stays in the WAL, where it can be read back.
  await db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
  const owners = async () =>
    new Map(
      (await db.$queryRawUnsafe<{ name: string; pageno: number }[]>(`SELECT "name", "pageno" FROM dbstat`)).map((r) => [
        Number(r.pageno),
        r.name,
      ]),
    );
  const wal = `${file}-wal`;
  const FRAME = 24; // header bytes before each page
  const pageSize = Number((await db.$queryRawUnsafe<{ page_size: number }[]>("PRAGMA page_size"))[0].page_size);
  for (let i = 0; i < ITERATIONS; i++) await write(i % 2 ? "off" : "on"); // a table that is not new
  for (const mode of ["off", "on", "off", "on"] as const) {
    const by = new Map<string, number>();
    let frames = 0;
    for (let i = 0; i < 20; i++) {
      const from = fs.statSync(wal).size;
      await write(mode);
      const to = fs.statSync(wal).size;
      const owner = await owners(); // after the write: pages it allocated have their owner too
      const fd = fs.openSync(wal, "r");
      const header = Buffer.alloc(FRAME);
      for (let at = from; at + FRAME <= to; at += FRAME + pageSize, frames++) {
        fs.readSync(fd, header, 0, FRAME, at);
        const name = owner.get(header.readUInt32BE(0)) ?? "(free)";
        by.set(name, (by.get(name) ?? 0) + 1);
      }
      fs.closeSync(fd);
    }
    console.log(`${mode.padEnd(3)} ${(frames / 20).toFixed(1)} pages written per transaction of ${B} responses`);
    for (const [name, n] of [...by].sort((a, b) => b[1] - a[1]))
      console.log(`      ${(n / 20).toFixed(1).padStart(5)}  ${name}`);
  }
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}

process.env.TEXT_ANALYTICS = "on";
if (process.argv.includes("--pages")) {
  await pages();
  await db.$disconnect();
  process.exit(0);
}
await round("on"); // warm-up: JIT, the word caches
await round("off");
const modes: Mode[] = ["off", "on", "analysis only"];
const results = new Map<Mode, number[]>();
for (let r = 0; r < ROUNDS; r++)
  for (const mode of r % 2 ? [...modes].reverse() : modes)
    results.set(mode, [...(results.get(mode) ?? []), await round(mode)]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const off = median(results.get("off")!);
for (const [mode, xs] of results)
  console.log(
    `${provider.padEnd(10)} batches of ${B}: ${mode.padEnd(14)} ${median(xs).toFixed(3)} ms CPU per response (median; ${xs.map((x) => x.toFixed(3)).join(" / ")})` +
      (mode === "off" ? "" : `  +${(median(xs) - off).toFixed(3)} ms`) +
      `; wall ${median(wall.get(mode)!.slice(-xs.length)).toFixed(3)} ms per response`,
  );
console.log(
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await db.$disconnect();
