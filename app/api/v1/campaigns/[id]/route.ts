import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getCampaign } from "@/lib/campaigns/service";

// GET /api/v1/campaigns/:id – one campaign: its settings, waves and funnel (sent, delivered, started, completed)
export const GET = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  getCampaign(ctx, params.id),
);
