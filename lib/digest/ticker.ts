// The in-process scheduler: every DIGEST_TICK_SECONDS (60) each instance looks for due digests. Several
// instances may tick at once; the DigestRun lease (./send.ts) makes exactly one of them send each digest.
// Started from instrumentation.ts only when DIGEST_SMTP_URL (or SMTP_URL) is set, and DIGEST_TICK_SECONDS is not 0
// (e-mail for invites and password resets without the weekly digest).
import { runDueDigests } from "./send";
import { mailerFromUrl, smtpUrlFromEnv } from "../mail/transport";

const started = Symbol.for("resonance.digestTicker");

export function startDigestTicker(env: NodeJS.ProcessEnv = process.env): boolean {
  const url = smtpUrlFromEnv(env);
  const holder = globalThis as { [started]?: boolean };
  if (!url || env.DIGEST_TICK_SECONDS === "0" || holder[started]) return false;
  holder[started] = true;
  const mailer = mailerFromUrl(url);
  const seconds = Math.max(5, Number(env.DIGEST_TICK_SECONDS) || 60);
  let busy = false;
  const tick = async () => {
    if (busy) return; // a slow SMTP server must not pile up ticks
    busy = true;
    try {
      for (const o of await runDueDigests(mailer)) {
        if (o.status === "sent")
          console.log(`[digest] sent ${o.periodKey} for organization ${o.orgId} to ${o.recipients} recipient(s)`);
      }
    } catch (error) {
      console.error("[digest] tick failed:", error instanceof Error ? error.message : error);
    } finally {
      busy = false;
    }
  };
  // A random first delay spreads instances that start together.
  setTimeout(() => void tick(), 5_000 + Math.floor(Math.random() * 10_000)).unref();
  setInterval(() => void tick(), seconds * 1000).unref();
  console.log(`[digest] weekly digest scheduler on (every ${seconds} s)`);
  return true;
}
