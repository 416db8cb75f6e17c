// Starts another instance of the campaign worker (campaign-worker.ts) as its own process, for the tests where two
// instances race: `ready` once it has loaded and ticked once, `stop()` closes its stdin (it finishes its tick and
// exits), `done` the send attempts it made, `kill()` for the end of the test whatever happened.
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";

export type WorkerInstance = { ready: Promise<void>; done: Promise<number>; stop: () => void; kill: () => void };

const root = path.resolve(__dirname, "../..");

export function startWorkerInstance(env: Record<string, string | undefined>): WorkerInstance {
  const p = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/integration/campaign-worker.ts"],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] },
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

/**
 * Two instances race: both start polling before there is work, then `start()` creates a campaign of `count`
 * recipients; waits until all its invitations are sent (60 s at most), stops both and answers the send attempts
 * each made. The caller checks that no one got a message twice and that both took part.
 */
export async function raceTwoInstances(
  env: Record<string, string | undefined>,
  start: () => Promise<{ campaignId: string; count: number }>,
): Promise<number[]> {
  const [one, two] = [startWorkerInstance(env), startWorkerInstance(env)];
  try {
    await Promise.all([one.ready, two.ready]);
    const { campaignId, count } = await start(); // both instances are polling; now the work appears
    const deadline = Date.now() + 60_000;
    for (;;) {
      const sent = await db.invitation.count({ where: { campaignId, status: "sent" } });
      if (sent >= count) break;
      if (Date.now() > deadline) {
        const byStatus = await db.outboxMessage.groupBy({
          by: ["status"],
          where: { invitation: { campaignId } },
          _count: { _all: true },
        });
        const outbox = byStatus.map((b) => `${b.status} ${b._count._all}`).join(", ");
        throw new Error(`the instances sent ${sent} of ${count} invitations in 60 s (outbox: ${outbox || "none"})`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    one.stop();
    two.stop();
    return await Promise.all([one.done, two.done]);
  } finally {
    one.kill(); // a no-op once they exited; never leaves a worker running into the next tests
    two.kill();
  }
}
