import { route } from "@/lib/http/handler";
import { caseListQuery } from "@/lib/cases/schema";
import { listCases } from "@/lib/cases/service";

// GET /api/v1/cases – follow-up cases (?status=&mine=true)
export const GET = route({ role: "viewer", scope: "unit", query: caseListQuery }, ({ ctx, query }) =>
  listCases(ctx, query),
);
