import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { archiveUnit } from "@/lib/units/service";

// POST /api/v1/units/:id/archive – archive the unit and its subtree: they keep their rows and stay in reports, and
// take no new responses, interactions or children. Admins.
export const POST = route({ role: "admin", scope: "org", params: idParams }, ({ ctx, params }) =>
  archiveUnit(ctx, params.id),
);
