// A gap's verdict in words and an icon, never colour alone. The badge speaks the page's language
// (journeys.gapStatus); gapStatusLabel stays English for the pages not yet converted.
import { CircleAlert, CircleCheck, CircleHelp, Sparkles, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { GapStatus } from "@/lib/journeys/gap";
import { Badge, type BadgeTone } from "../ui/badge";

const STATUS: Record<GapStatus, { label: string; tone: BadgeTone; Icon: typeof CircleAlert }> = {
  friction: { label: "Friction point", tone: "danger", Icon: TriangleAlert },
  delight: { label: "Moment of delight", tone: "ok", Icon: Sparkles },
  as_promised: { label: "As promised", tone: "neutral", Icon: CircleCheck },
  too_few_responses: { label: "Too few responses", tone: "warn", Icon: CircleHelp },
  no_responses: { label: "No responses", tone: "neutral", Icon: CircleHelp },
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

export const gapStatusLabel = (status: GapStatus) => STATUS[status].label;
