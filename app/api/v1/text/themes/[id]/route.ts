import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { updateThemeSchema } from "@/lib/text-analytics/schema";
import { deleteTheme, getTheme, updateTheme } from "@/lib/text-analytics/service";

// GET /api/v1/text/themes/:id – one theme with its phrases
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, ({ ctx, params }) =>
  getTheme(ctx, params.id),
);

// PATCH /api/v1/text/themes/:id – rename it, replace its phrases of a language, or archive it (kept, matches nothing);
// a change of what matches re-analyses history in the background. Managers.
export const PATCH = route(
  { role: "manager", scope: "org", params: idParams, body: updateThemeSchema },
  ({ ctx, params, body }) => updateTheme(ctx, params.id, body),
);

// DELETE /api/v1/text/themes/:id – delete it and its phrases; its stored matches go with the re-analysis. Managers.
export const DELETE = route({ role: "manager", scope: "org", params: idParams }, async ({ ctx, params }) =>
  reply(await deleteTheme(ctx, params.id), 204),
);
