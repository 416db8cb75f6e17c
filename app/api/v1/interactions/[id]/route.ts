import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { getInteraction } from "@/lib/interactions/service";

// GET /api/v1/interactions/:id – one interaction
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, ({ ctx, params }) =>
  getInteraction(ctx, params.id),
);
