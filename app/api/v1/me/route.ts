// GET /api/v1/me – who is calling: user, active organization, role, and their other organizations
import { route } from "@/lib/http/handler";
import { describeCaller } from "@/lib/orgs/me";

export const GET = route({ role: "viewer" }, ({ ctx }) => describeCaller(ctx));
