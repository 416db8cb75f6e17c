import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { paginationQuery } from "@/lib/http/pagination";
import { listCampaignSuppressions } from "@/lib/campaigns/suppression-log";

// GET /api/v1/campaigns/:id/suppressions – who the campaign left out and why ("invited 12 days ago"), newest first
export const GET = route(
  { role: "manager", scope: "org", params: idParams, query: paginationQuery },
  ({ ctx, params, query }) => listCampaignSuppressions(ctx, params.id, query),
);
