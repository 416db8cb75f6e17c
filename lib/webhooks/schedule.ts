// When a failed delivery is tried again: exponential backoff with jitter. The default schedule waits 1 min,
// 5 min, 30 min, 2 h, 6 h, 12 h, then 24 h between attempts — eight attempts over about 45 hours — and a
// delivery that fails them all is "dead" (an admin can still retry it by hand). WEBHOOK_RETRY_SCHEDULE
// overrides the waits, e.g. "1m,5m,30m" or, for tests, "200ms,200ms" (three attempts).
const DEFAULT_SCHEDULE = "1m,5m,30m,2h,6h,12h,24h";
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** ±10 %: instances and endpoints that failed together do not all retry in the same second. */
const JITTER = 0.1;

/** The waits (ms) after the 1st, 2nd, … failed attempt. Throws on a malformed schedule. */
export function parseRetrySchedule(text: string): number[] {
  return text.split(",").map((part) => {
    const m = part.trim().match(/^(\d+(?:\.\d+)?)(ms|s|m|h)$/);
    if (!m) throw new Error(`WEBHOOK_RETRY_SCHEDULE: "${part.trim()}" is not a duration like 500ms, 30s, 5m or 2h`);
    return Math.round(Number(m[1]) * UNIT_MS[m[2]]);
  });
}

export function retrySchedule(env: Partial<Record<string, string>> = process.env): number[] {
  return parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE?.trim() || DEFAULT_SCHEDULE);
}

/**
 * "1 min, 5 min, 30 min, 2 h" for people; `intlTag` gives the number its language's decimal separator ("1.5 h" in
 * English, "1,5 h" for de-DE). The unit symbols (ms, s, min, h) are the same in both languages.
 */
export function formatSchedule(schedule: number[], intlTag = "en-GB"): string {
  const n = new Intl.NumberFormat(intlTag, { maximumFractionDigits: 1 });
  const one = (ms: number) =>
    ms >= 3_600_000
      ? `${n.format(ms / 3_600_000)} h`
      : ms >= 60_000
        ? `${n.format(ms / 60_000)} min`
        : ms >= 1000
          ? `${n.format(ms / 1000)} s`
          : `${n.format(ms)} ms`;
  return schedule.map(one).join(", ");
}

/** Attempts in all before a delivery is dead: the first one plus one per wait. */
export function maxAttempts(schedule: number[]): number {
  return schedule.length + 1;
}

/**
 * After `attempts` failed attempts: when to try next, or null when the delivery is dead.
 * `random` in [0, 1) picks the jitter (injectable so that tests are exact).
 */
export function nextAttemptDelay(
  attempts: number,
  schedule: number[],
  random: () => number = Math.random,
): number | null {
  if (attempts < 1 || attempts > schedule.length) return null;
  const base = schedule[attempts - 1];
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}
