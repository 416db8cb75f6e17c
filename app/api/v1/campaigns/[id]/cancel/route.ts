import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { changeCampaignStatus } from "@/lib/campaigns/service";

// POST /api/v1/campaigns/:id/cancel – stop for good: messages not yet sent are dropped
export const POST = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  changeCampaignStatus(ctx, params.id, "cancel"),
);
