import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { updateAudienceSchema } from "@/lib/audiences/schema";
import { deleteAudience, getAudience, updateAudience } from "@/lib/audiences/service";

// GET /api/v1/audiences/:id – one audience with its definition; a stored definition that no longer parses is
// `definition: null` with `definitionProblems` naming what is wrong, and the audience matches no one
export const GET = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  getAudience(ctx, params.id),
);

// PATCH /api/v1/audiences/:id – rename it or replace its definition
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: updateAudienceSchema },
  ({ ctx, params, body }) => updateAudience(ctx, params.id, body),
);

// DELETE /api/v1/audiences/:id – delete the audience (its customers stay)
export const DELETE = route({ role: "manager", scope: "org", params: idParams }, async ({ ctx, params }) =>
  reply(await deleteAudience(ctx, params.id), 204),
);
