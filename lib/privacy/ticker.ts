// The retention scheduler: every RETENTION_TICK_SECONDS (3600) each instance applies the retention policy of
// every organization that has it on. Several instances may tick at once; the RetentionRun lease
// (./retention.ts) makes exactly one of them do each organization's day. It also deletes session records that
// ended long ago. RETENTION_TICK_SECONDS=0 turns it off.
import { runDueRetention } from "./retention";
import { pruneSessions } from "../auth/sessions";

const started = Symbol.for("resonance.retentionTicker");

export function startRetentionTicker(env: NodeJS.ProcessEnv = process.env): boolean {
  const holder = globalThis as { [started]?: boolean };
  const seconds = env.RETENTION_TICK_SECONDS === undefined ? 3600 : Number(env.RETENTION_TICK_SECONDS);
  if (holder[started] || !(seconds > 0)) return false;
  holder[started] = true;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const o of await runDueRetention()) {
        if (o.status === "done")
          console.log(`[retention] ${o.mode} ${o.processed} response(s) of organization ${o.orgId} (${o.periodKey})`);
      }
      // Session rows that ended over 30 days ago (lib/auth/sessions.ts): idempotent, any instance may do it.
      await pruneSessions();
    } catch (error) {
      console.error("[retention] tick failed:", error instanceof Error ? error.message : error);
    } finally {
      busy = false;
    }
  };
  // A random first delay spreads instances that start together: 30–90 s at the default hour (a shorter
  // RETENTION_TICK_SECONDS shortens it, so a test with two instances sees them tick).
  const first = Math.min(30, seconds) * 1000 + Math.floor(Math.random() * Math.min(60, seconds) * 1000);
  setTimeout(() => void tick(), first).unref();
  setInterval(() => void tick(), seconds * 1000).unref();
  return true;
}
