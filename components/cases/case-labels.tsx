import { Badge, type BadgeTone } from "../ui/badge";

export const CASE_STATUS_LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  open: { label: "Open", tone: "warn" },
  in_progress: { label: "In progress", tone: "brand" },
  resolved: { label: "Resolved", tone: "ok" },
};

export function CaseStatusBadge({ status }: { status: string }) {
  const s = CASE_STATUS_LABELS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  if (priority === "normal") return null;
  return <Badge tone={priority === "high" || priority === "urgent" ? "danger" : "neutral"}>{priority}</Badge>;
}
