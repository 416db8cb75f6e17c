import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { changeCampaignStatus } from "@/lib/campaigns/service";

// POST /api/v1/campaigns/:id/resume – send again after a pause
export const POST = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  changeCampaignStatus(ctx, params.id, "resume"),
);
