import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "../ui/badge";

/** The words are in messages/<locale>/cases.json (statusLabel, priority). */
export const CASE_STATUS_TONES: Record<string, BadgeTone> = { open: "warn", in_progress: "brand", resolved: "ok" };
type Status = "open" | "in_progress" | "resolved";
type Priority = "low" | "high" | "urgent";

export function CaseStatusBadge({ status }: { status: string }) {
  const t = useTranslations("cases.statusLabel");
  const tone = CASE_STATUS_TONES[status];
  return <Badge tone={tone ?? "neutral"}>{tone ? t(status as Status) : status}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  const t = useTranslations("cases.priority");
  if (priority === "normal") return null;
  const known = ["low", "high", "urgent"].includes(priority);
  return (
    <Badge tone={priority === "high" || priority === "urgent" ? "danger" : "neutral"}>
      {known ? t(priority as Priority) : priority}
    </Badge>
  );
}
