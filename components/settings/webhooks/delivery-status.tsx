// How a delivery's status is shown, in the endpoint list and the delivery log (names: "settings.webhookStatus").
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "../../ui/badge";

export const DELIVERY_STATUS: Record<string, BadgeTone> = {
  pending: "neutral",
  failed: "warn",
  succeeded: "ok",
  dead: "danger",
};

type Status = "pending" | "failed" | "succeeded" | "dead";

/** The status's name in the page's language; an unknown one reads as itself. */
export function useDeliveryStatusLabel() {
  const t = useTranslations("settings.webhookStatus");
  return (status: string) => (status in DELIVERY_STATUS ? t(status as Status) : status);
}

export function DeliveryStatusBadge({ status }: { status: string }) {
  const label = useDeliveryStatusLabel();
  return <Badge tone={DELIVERY_STATUS[status] ?? "neutral"}>{label(status)}</Badge>;
}
