import { route } from "@/lib/http/handler";
import { listMembers } from "@/lib/members/service";

// GET /api/v1/members – members of the organization, their roles and scopes (unitId and unit; null = the whole organization)
export const GET = route({ role: "admin", scope: "org" }, ({ ctx }) => listMembers(ctx));
