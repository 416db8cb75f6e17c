import { route, reply } from "@/lib/http/handler";
import { touchpointCreateSchema } from "@/lib/journeys/editor-schema";
import { createTouchpoint } from "@/lib/journeys/editor";
import { listTouchpoints } from "@/lib/journeys/service";

// GET /api/v1/touchpoints – every active touchpoint with its journey, stage, channel and promise
export const GET = route({ role: "viewer", scope: "unit" }, ({ ctx }) => listTouchpoints(ctx));

// POST /api/v1/touchpoints – add a touchpoint at the end of a stage, with its channel, kind and promise
export const POST = route({ role: "manager", scope: "org", body: touchpointCreateSchema }, async ({ ctx, body }) =>
  reply(await createTouchpoint(ctx, body), 201),
);
