import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { restoreUnit } from "@/lib/units/service";

// POST /api/v1/units/:id/restore – restore an archived unit (not its subtree); its parent must be active. Admins.
export const POST = route({ role: "admin", scope: "org", params: idParams }, ({ ctx, params }) =>
  restoreUnit(ctx, params.id),
);
