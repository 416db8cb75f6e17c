// A gap's verdict in English words, for the client components not yet converted (the gap report's chart). The
// journey map's badge names it in the page's language (gap-status.tsx, journeys.gapStatus); this module has no
// translator, so the chart does not need those messages in the browser (lib/i18n/client-messages.test.ts).
import type { GapStatus } from "@/lib/journeys/gap";

const LABELS: Record<GapStatus, string> = {
  friction: "Friction point",
  delight: "Moment of delight",
  as_promised: "As promised",
  too_few_responses: "Too few responses",
  no_responses: "No responses",
};

export const gapStatusLabel = (status: GapStatus) => LABELS[status];
