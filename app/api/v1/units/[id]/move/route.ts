import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { moveUnitSchema } from "@/lib/units/schema";
import { moveUnit } from "@/lib/units/service";

// POST /api/v1/units/:id/move – move the unit and its subtree under another active unit (parentId null = top level);
// 400 when the new parent is the unit itself or one of its own units. Its history moves with it. Admins.
export const POST = route(
  { role: "admin", scope: "org", params: idParams, body: moveUnitSchema },
  ({ ctx, params, body }) => moveUnit(ctx, params.id, body),
);
