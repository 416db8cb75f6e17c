import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { memberUpdateSchema } from "@/lib/members/schema";
import { removeMember, updateMember } from "@/lib/members/service";

// PATCH /api/v1/members/:id – change a member's role and/or scope (unitId: an active unit, null = the whole organization)
export const PATCH = route(
  { role: "admin", scope: "org", sessionOnly: true, params: idParams, body: memberUpdateSchema },
  ({ ctx, params, body }) => updateMember(ctx, params.id, body),
);

// DELETE /api/v1/members/:id – remove a member from the organization
export const DELETE = route(
  { role: "admin", scope: "org", sessionOnly: true, params: idParams },
  async ({ ctx, params }) => {
    await removeMember(ctx, params.id);
    return reply(null, 204);
  },
);
