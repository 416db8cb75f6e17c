import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { revokeApiKey } from "@/lib/api-keys/service";

// DELETE /api/v1/api-keys/:id – revoke a key (it stops working at once)
export const DELETE = route({ role: "admin", scope: "org", sessionOnly: true, params: idParams }, ({ ctx, params }) =>
  revokeApiKey(ctx, params.id),
);
