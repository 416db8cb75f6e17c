// The choices the audience builder offers: this organization's touchpoints and journeys, the interaction outcomes
// (named in the page's language).
import { getTranslations } from "next-intl/server";
import type { Ctx } from "@/lib/auth/ctx";
import { listJourneys, listTouchpoints } from "@/lib/journeys/service";
import { OUTCOMES } from "@/lib/interactions/schema";

export async function builderOptions(ctx: Ctx) {
  const [touchpoints, journeys, t] = await Promise.all([
    listTouchpoints(ctx),
    listJourneys(ctx),
    getTranslations("settings.audiences.outcomes"),
  ]);
  return {
    touchpoints: touchpoints.map((tp) => ({ value: tp.id, label: `${tp.journey.name} · ${tp.name}` })),
    journeys: journeys.map((j) => ({ value: j.id, label: j.name })),
    outcomes: OUTCOMES.map((o) => ({ value: o, label: t(o) })),
  };
}
