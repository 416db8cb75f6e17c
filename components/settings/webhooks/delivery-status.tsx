// How a delivery's status is shown, in the endpoint list and the delivery log.
import { Badge, type BadgeTone } from "../../ui/badge";

export const DELIVERY_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "neutral" },
  failed: { label: "Retrying", tone: "warn" },
  succeeded: { label: "Delivered", tone: "ok" },
  dead: { label: "Failed", tone: "danger" },
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  const s = DELIVERY_STATUS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
