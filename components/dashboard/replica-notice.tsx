// Says when the figures on a page come from a read replica that is behind the latest writes (lib/db-replica.ts).
// Silent when they come from the primary or from a replica less than LAG_SHOWN_MS behind (one poll or two).
import { useTranslations } from "next-intl";
import { analyticsAsOf } from "@/lib/db-replica";

export const LAG_SHOWN_MS = 2_000;

/** The time and the lag the notice names (dashboard.replica), or null when it stays silent. */
export function lagParts(asOf: Date, now: Date): { time: string; behind: string } | null {
  const lag = now.getTime() - asOf.getTime();
  if (lag < LAG_SHOWN_MS) return null;
  const seconds = Math.round(lag / 1000);
  const behind = seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return { time: asOf.toISOString().slice(11, 19), behind };
}

export function ReplicaNotice({ now = new Date() }: { now?: Date }) {
  const t = useTranslations("dashboard");
  const asOf = analyticsAsOf();
  const parts = asOf ? lagParts(asOf, now) : null;
  if (!parts) return null;
  const text = t("replica", parts);
  return (
    <p role="status" data-testid="replica-lag" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {text}
    </p>
  );
}
