// Says when the figures on a page come from a read replica that is behind the latest writes (lib/db-replica.ts).
// Silent when they come from the primary or from a replica less than LAG_SHOWN_MS behind (one poll or two).
import { analyticsAsOf } from "@/lib/db-replica";

export const LAG_SHOWN_MS = 2_000;

export function lagText(asOf: Date, now: Date): string | null {
  const lag = now.getTime() - asOf.getTime();
  if (lag < LAG_SHOWN_MS) return null;
  const seconds = Math.round(lag / 1000);
  const behind = seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return `Figures as of ${asOf.toISOString().slice(11, 19)} UTC: they are read from a copy of the database that is ${behind} behind, so the latest answers are not counted yet.`;
}

export function ReplicaNotice({ now = new Date() }: { now?: Date }) {
  const asOf = analyticsAsOf();
  const text = asOf ? lagText(asOf, now) : null;
  if (!text) return null;
  return (
    <p role="status" data-testid="replica-lag" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {text}
    </p>
  );
}
