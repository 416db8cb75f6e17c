// The choices the audience builder offers: this organization's touchpoints and journeys, the interaction outcomes.
import type { Ctx } from "@/lib/auth/ctx";
import { listJourneys, listTouchpoints } from "@/lib/journeys/service";
import { OUTCOMES } from "@/lib/interactions/schema";

export async function builderOptions(ctx: Ctx) {
  const [touchpoints, journeys] = await Promise.all([listTouchpoints(ctx), listJourneys(ctx)]);
  return {
    touchpoints: touchpoints.map((t) => ({ value: t.id, label: `${t.journey.name} · ${t.name}` })),
    journeys: journeys.map((j) => ({ value: j.id, label: j.name })),
    outcomes: OUTCOMES.map((o) => ({ value: o, label: o.replaceAll("_", " ") })),
  };
}
