// GET /api/v1/me – who is calling: user, active organization, role, scope (their units), and their other organizations
import { route } from "@/lib/http/handler";
import { describeCaller } from "@/lib/orgs/me";

export const GET = route({ role: "viewer", scope: "unit" }, ({ ctx }) => describeCaller(ctx));
