import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { changeCampaignStatus } from "@/lib/campaigns/service";

// POST /api/v1/campaigns/:id/pause – stop sending until resumed (due messages and waves wait)
export const POST = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  changeCampaignStatus(ctx, params.id, "pause"),
);
