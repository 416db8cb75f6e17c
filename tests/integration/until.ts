// Waiting on something another process does (a server's worker, a replica, a scheduler): reads until the value
// passes, or fails naming what it waited for and the last value it saw.
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${shown(v)}`);
    await sleep(everyMs);
  }
}

/** The last value seen, for the error: JSON, with bigints (a WAL position, a count from SQL) as their digits. */
function shown(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? String(v);
}
