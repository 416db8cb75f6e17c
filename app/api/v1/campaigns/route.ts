import { route, reply } from "@/lib/http/handler";
import { campaignListQuery, createCampaignSchema } from "@/lib/campaigns/schema";
import { createCampaign, listCampaigns } from "@/lib/campaigns/service";

// GET /api/v1/campaigns – the organization's campaigns with their funnels, newest first (managers and admins: docs/distribution.md)
export const GET = route({ role: "manager", scope: "org", query: campaignListQuery }, ({ ctx, query }) =>
  listCampaigns(ctx, query),
);

// POST /api/v1/campaigns – invite an audience to a live survey by e-mail: now, at a time, or in waves every N days
export const POST = route({ role: "manager", scope: "org", body: createCampaignSchema }, async ({ ctx, body }) =>
  reply(await createCampaign(ctx, body), 201),
);
