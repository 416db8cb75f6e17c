import { route, reply } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { revokeMemberSessions } from "@/lib/members/service";

// DELETE /api/v1/members/:id/sessions – end every session of a member (they stay a member and may sign in again)
export const DELETE = route(
  { role: "admin", scope: "org", sessionOnly: true, params: idParams },
  async ({ ctx, params }) => {
    const ended = await revokeMemberSessions(ctx, params.id);
    return reply({ ended }, 200);
  },
);
