import { route } from "@/lib/http/handler";
import { listMembers } from "@/lib/members/service";

// GET /api/v1/members – members of the organization and their roles
export const GET = route({ role: "admin", scope: "org" }, ({ ctx }) => listMembers(ctx));
