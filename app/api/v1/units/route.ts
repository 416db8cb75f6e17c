import { route, reply } from "@/lib/http/handler";
import { createUnitSchema, unitListQuery } from "@/lib/units/schema";
import { createUnit, listUnits } from "@/lib/units/service";

// GET /api/v1/units – the organization's units as a tree in depth-first order (parents before children, siblings by
// name), each with its parent, depth and ancestor ids; ?archived=false leaves archived units out (docs/hierarchy.md)
export const GET = route({ role: "viewer", scope: "unit", query: unitListQuery }, ({ ctx, query }) =>
  listUnits(ctx, query),
);

// POST /api/v1/units – a unit: code (unique in the organization), name, optional kind label and parent (none = top
// level). Admins.
export const POST = route({ role: "admin", scope: "org", body: createUnitSchema }, async ({ ctx, body }) =>
  reply(await createUnit(ctx, body), 201),
);
