import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { stageUpdateSchema } from "@/lib/journeys/editor-schema";
import { updateStage } from "@/lib/journeys/editor";

// PATCH /api/v1/stages/:id – rename, edit the blueprint lanes, archive or restore (archiving keeps all history)
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: stageUpdateSchema },
  ({ ctx, params, body }) => updateStage(ctx, params.id, body),
);
