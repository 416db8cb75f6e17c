// Words for a campaign's status and schedule, shared by the list and the campaign page.
// The words are in messages/<locale>/surveys.json (campaigns.status, campaigns.schedule).
import { useTranslations } from "next-intl";
import type { CampaignDto } from "@/lib/campaigns/service";
import { Badge, type BadgeTone } from "../ui/badge";
import { useFormats } from "../i18n/use-formats";

const TONES: Record<string, BadgeTone> = { active: "ok", paused: "warn", cancelled: "neutral" };

export function CampaignStatusBadge({ status }: { status: string }) {
  const t = useTranslations("surveys.campaigns.status");
  const tone = TONES[status];
  return <Badge tone={tone ?? "neutral"}>{tone ? t(status as "active" | "paused" | "cancelled") : status}</Badge>;
}

/** "every 90 days, next wave 1 Mar 2027; 1 reminder after 72 h" */
export function ScheduleText({ c }: { c: CampaignDto }) {
  const t = useTranslations("surveys.campaigns");
  const f = useFormats();
  return t("schedule", {
    every: c.schedule.repeatEveryDays ?? "once",
    next: c.status === "active" && c.schedule.nextWaveAt ? f.date(c.schedule.nextWaveAt) : "none",
    reminders: c.reminders.count,
    delay: c.reminders.delayHours,
  });
}
