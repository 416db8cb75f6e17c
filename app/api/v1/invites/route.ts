import { route, reply } from "@/lib/http/handler";
import { inviteCreateSchema } from "@/lib/members/schema";
import { createInvite, listInvites } from "@/lib/members/service";

// GET /api/v1/invites – invites and their status
export const GET = route({ role: "admin", scope: "org", sessionOnly: true }, ({ ctx }) => listInvites(ctx));

// POST /api/v1/invites – invite someone with a role and optionally a scope (unitId): e-mailed to the address when the server has SMTP (sent: true), else the response holds the one-time link (url)
export const POST = route(
  { role: "admin", scope: "org", sessionOnly: true, body: inviteCreateSchema },
  async ({ ctx, body, req }) => {
    const invite = await createInvite(ctx, body);
    return reply(invite.sent ? invite : { ...invite, url: new URL(invite.path, req.nextUrl.origin).toString() }, 201);
  },
);
