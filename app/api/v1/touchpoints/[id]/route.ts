import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { touchpointUpdateSchema } from "@/lib/journeys/editor-schema";
import { updateTouchpoint } from "@/lib/journeys/editor";

// PATCH /api/v1/touchpoints/:id – edit the promise, move (stageId and/or position), archive or restore
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: touchpointUpdateSchema },
  ({ ctx, params, body }) => updateTouchpoint(ctx, params.id, body),
);
