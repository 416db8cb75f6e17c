// Words for a campaign's status and schedule, shared by the list and the campaign page.
import type { CampaignDto } from "@/lib/campaigns/service";
import { Badge, type BadgeTone } from "../ui/badge";
import { formatDate } from "../ui/format";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "ok" },
  paused: { label: "Paused", tone: "warn" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export function CampaignStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** "every 90 days, next wave 1 Mar 2027; 1 reminder after 72 h" */
export function scheduleText(c: CampaignDto): string {
  const every = c.schedule.repeatEveryDays ? `every ${c.schedule.repeatEveryDays} days` : "once";
  const next = c.status === "active" && c.schedule.nextWaveAt ? `, next wave ${formatDate(c.schedule.nextWaveAt)}` : "";
  const reminders = c.reminders.count
    ? `; ${c.reminders.count} reminder${c.reminders.count > 1 ? "s" : ""} after ${c.reminders.delayHours} h`
    : "";
  return `${every}${next}${reminders}`;
}
