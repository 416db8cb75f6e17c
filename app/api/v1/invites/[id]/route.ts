import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { revokeInvite } from "@/lib/members/service";

// DELETE /api/v1/invites/:id – revoke an invite link
export const DELETE = route({ role: "admin", scope: "org", sessionOnly: true, params: idParams }, ({ ctx, params }) =>
  revokeInvite(ctx, params.id),
);
