import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getTriggerRates } from "@/lib/campaigns/rates";

// GET /api/v1/triggers/:id/response-rates – the trigger's response rates (docs/metrics.md, "Response rate of
// invitations"), over all its invitations: the same fields as a campaign's (`GET /api/v1/campaigns/:id/response-rates`)
// without waves — `trigger` ({ id, name }), `funnel`, `responseRate` and `completionRate` (started resp. completed
// of delivered in %, with the Wilson 95 % interval), `reminders` (per message: sent, and the answers that came after
// it), `nonResponse` (respondents against non-respondents by segment, tenure and last interaction outcome). Another
// organization's trigger is a 404.
export const GET = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  getTriggerRates(ctx, params.id),
);
