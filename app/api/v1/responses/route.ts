import { route } from "@/lib/http/handler";
import { responseListQuery } from "@/lib/responses/schema";
import { listResponses } from "@/lib/responses/service";

// GET /api/v1/responses – survey responses with their answers, newest first, cursor paginated. Filters:
// surveyId, touchpointId, channelId, customerId, metric, category, scoreMin, scoreMax, from, to, hasComment,
// status (completed | partial), q (text in the comment); see lib/responses/schema.ts.
export const GET = route({ role: "viewer", scope: "unit", query: responseListQuery }, ({ ctx, query }) =>
  listResponses(ctx, query),
);
