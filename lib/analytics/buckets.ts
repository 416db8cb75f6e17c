// Time buckets for trends. Everything is UTC: a day starts at 00:00 UTC, a week on Monday 00:00 UTC
// (ISO 8601, the same as PostgreSQL's date_trunc('week')), a month on the 1st at 00:00 UTC. The database
// computes the same bucket starts in SQL (lib/analytics/sql.ts); these functions enumerate them so that a
// trend has a point for every bucket, including the empty ones.

export const BUCKETS = ["day", "week", "month"] as const;
export type Bucket = (typeof BUCKETS)[number];

export const DAY_MS = 86_400_000;

/** Start (UTC) of the bucket that contains `date`. */
export function bucketStart(date: Date, bucket: Bucket): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (bucket) {
    case "day":
      return new Date(Date.UTC(y, m, d));
    case "week": {
      // getUTCDay(): Sunday 0 … Saturday 6 → days since Monday: Monday 0 … Sunday 6.
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(y, m, d - sinceMonday));
    }
    case "month":
      return new Date(Date.UTC(y, m, 1));
  }
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucket(start: Date, bucket: Bucket): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (bucket) {
    case "day":
      return new Date(Date.UTC(y, m, d + 1));
    case "week":
      return new Date(Date.UTC(y, m, d + 7));
    case "month":
      return new Date(Date.UTC(y, m + 1, 1));
  }
}

/** Every bucket start that overlaps the half-open range [from, to), in order. */
export function bucketStarts(from: Date, to: Date, bucket: Bucket): Date[] {
  const out: Date[] = [];
  for (let s = bucketStart(from, bucket); s < to; s = nextBucket(s, bucket)) out.push(s);
  return out;
}

/** "2026-08-24": the key the SQL bucket expressions return and the series carry. */
export function bucketKey(start: Date): string {
  return start.toISOString().slice(0, 10);
}

/** `date` moved by whole UTC calendar months, the day clamped to the target month (31 Mar − 1 m = 28/29 Feb). */
export function addUtcMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(y, m, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()),
  );
}

/** Bucket chosen when the URL names none: enough points to see a trend, few enough to have n per point. */
export function defaultBucket(from: Date, to: Date): Bucket {
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days <= 14) return "day";
  if (days <= 120) return "week";
  return "month";
}
