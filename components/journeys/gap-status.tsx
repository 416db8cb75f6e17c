// A gap's verdict in words and an icon, never colour alone, in the page's language (journeys.gapStatus).
import { CircleAlert, CircleCheck, CircleHelp, Sparkles, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { GapStatus } from "@/lib/journeys/gap";
import { Badge, type BadgeTone } from "../ui/badge";

const STATUS: Record<GapStatus, { tone: BadgeTone; Icon: typeof CircleAlert }> = {
  friction: { tone: "danger", Icon: TriangleAlert },
  delight: { tone: "ok", Icon: Sparkles },
  as_promised: { tone: "neutral", Icon: CircleCheck },
  too_few_responses: { tone: "warn", Icon: CircleHelp },
  no_responses: { tone: "neutral", Icon: CircleHelp },
};

export function GapStatusBadge({ status }: { status: GapStatus }) {
  const t = useTranslations("journeys.gapStatus");
  const { tone, Icon } = STATUS[status];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden="true" size={14} />
      {t(status)}
    </Badge>
  );
}
