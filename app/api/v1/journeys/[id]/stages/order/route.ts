import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { stageOrderSchema } from "@/lib/journeys/editor-schema";
import { reorderStages } from "@/lib/journeys/editor";

// PUT /api/v1/journeys/:id/stages/order – the new order of the journey's active stages (every one, once)
export const PUT = route(
  { role: "manager", scope: "org", params: idParams, body: stageOrderSchema },
  ({ ctx, params, body }) => reorderStages(ctx, params.id, body),
);
