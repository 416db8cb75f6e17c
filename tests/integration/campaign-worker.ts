// Another instance of the campaign worker for campaigns.test.ts and campaigns-sms.test.ts: its own process and
// database connection pool, sending e-mail to SMTP_URL and SMS to the provider SMS_PROVIDER names (if set:
// lib/campaigns/sms/provider.ts). Prints "ready" once loaded, ticks until its stdin closes, then prints
// "attempts=<n>" (the send attempts it made) and exits — so the test starts the instances before there is work,
// and they race.
import { campaignTick } from "../../lib/campaigns/worker";
import { mailerFromUrl } from "../../lib/mail/transport";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const mailer = process.env.SMTP_URL ? mailerFromUrl(process.env.SMTP_URL) : null;
  let stop = false;
  process.stdin.on("data", () => {});
  process.stdin.on("end", () => (stop = true));
  let attempts = 0;
  attempts += await campaignTick({ mailer }); // loads everything before saying ready
  process.stdout.write("ready\n");
  while (!stop) {
    try {
      attempts += await campaignTick({ mailer });
    } catch (error) {
      // as the production poller does (lib/jobs/lease.ts): log, and tick again
      console.error("[campaign-worker] tick failed:", error instanceof Error ? error.message : error);
    }
    await sleep(5);
  }
  process.stdout.write(`attempts=${attempts}\n`);
  process.exit(0);
}
void main();
