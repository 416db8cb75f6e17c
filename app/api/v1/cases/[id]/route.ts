import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { caseUpdateSchema } from "@/lib/cases/schema";
import { getCase, updateCase } from "@/lib/cases/service";

// GET /api/v1/cases/:id – one case
export const GET = route({ role: "viewer", scope: "unit", params: idParams }, ({ ctx, params }) =>
  getCase(ctx, params.id),
);

// PATCH /api/v1/cases/:id – work a case: status, owner, due date, root cause, resolution
export const PATCH = route(
  { role: "agent", scope: "unit", params: idParams, body: caseUpdateSchema },
  ({ ctx, params, body }) => updateCase(ctx, params.id, body),
);
