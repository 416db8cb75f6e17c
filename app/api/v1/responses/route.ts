import { route } from "@/lib/http/handler";
import { responseListQuery } from "@/lib/responses/schema";
import { listResponses } from "@/lib/responses/service";

// GET /api/v1/responses – survey responses, newest first (?surveyId=&customerId=&touchpointId=&from=&to=)
export const GET = route({ role: "viewer", query: responseListQuery }, ({ ctx, query }) => listResponses(ctx, query));
