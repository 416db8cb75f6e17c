// `npm run digest:send`: send this week's digest now, for every organization that has it switched on (or the
// ones named with --org <slug>), through the same lease as the scheduler — a digest already sent this week is
// not sent again. Needs DIGEST_SMTP_URL (e.g. smtp://127.0.0.1:2525); DATABASE_URL as for `npm start` (default: the SQLite file).
//   --org <slug>   only this organization (repeatable)
//   --now <ISO>    act as if it were this instant (send a past week's digest that was missed)
import { db } from "../lib/db";
import { runDueDigests } from "../lib/digest/send";
import { mailerFromUrl, smtpUrlFromEnv } from "../lib/mail/transport";

const url = smtpUrlFromEnv();
if (!url) {
  console.error("Set DIGEST_SMTP_URL (e.g. smtp://127.0.0.1:2525) to send the digest.");
  process.exit(2);
}
const values = (flag: string) => process.argv.flatMap((a, i, all) => (a === flag && all[i + 1] ? [all[i + 1]] : []));
const slugs = values("--org");
const now = values("--now").length ? new Date(values("--now")[0]) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error("--now needs an ISO date-time, e.g. 2026-11-16T09:00:00Z");
  process.exit(2);
}
const orgIds = slugs.length
  ? (await db.organization.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map((o) => o.id)
  : undefined;
const mailer = mailerFromUrl(url);
const outcomes = await runDueDigests(mailer, { ignoreWindow: true, orgIds, now });
for (const o of outcomes)
  console.log(
    `${o.periodKey} ${o.orgId}: ${o.status}${o.recipients ? ` (${o.recipients} recipients)` : ""}${o.error ? ` — ${o.error}` : ""}`,
  );
if (outcomes.length === 0)
  console.log("Nothing to send: every enabled organization's digest for this week is already sent.");
mailer.close();
await db.$disconnect();
process.exit(outcomes.some((o) => o.status === "failed") ? 1 : 0);
