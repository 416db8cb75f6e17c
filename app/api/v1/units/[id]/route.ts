import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { updateUnitSchema } from "@/lib/units/schema";
import { getUnit, updateUnit } from "@/lib/units/service";

// GET /api/v1/units/:id – one unit
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, ({ ctx, params }) =>
  getUnit(ctx, params.id),
);

// PATCH /api/v1/units/:id – rename it: a new name, code or kind label (its place in the tree and its history stay).
// Admins.
export const PATCH = route(
  { role: "admin", scope: "org", params: idParams, body: updateUnitSchema },
  ({ ctx, params, body }) => updateUnit(ctx, params.id, body),
);
