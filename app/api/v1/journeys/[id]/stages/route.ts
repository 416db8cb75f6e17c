import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { stageCreateSchema } from "@/lib/journeys/editor-schema";
import { createStage } from "@/lib/journeys/editor";

// POST /api/v1/journeys/:id/stages – add a stage at the end of the journey (name, optional blueprint lanes)
export const POST = route(
  { role: "manager", scope: "org", params: idParams, body: stageCreateSchema },
  async ({ ctx, params, body }) => reply(await createStage(ctx, params.id, body), 201),
);
