import { route } from "@/lib/http/handler";
import { responseIdParams } from "@/lib/responses/schema";
import { getResponse } from "@/lib/responses/service";

// GET /api/v1/responses/:id – one response with its customer, survey, touchpoint, channel and every answer
export const GET = route({ role: "viewer", scope: "unit", params: responseIdParams }, ({ ctx, params }) =>
  getResponse(ctx, params.id),
);
