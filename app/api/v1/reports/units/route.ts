import { route } from "@/lib/http/handler";
import { leagueQuery, unitLeague } from "@/lib/units/league";

// GET /api/v1/reports/units – the unit league table: the children of ?parentId (none = the top-level units) with
// the ?metric's figure (nps, the default; csat: the top-2-box share; ces: the mean), 95 % interval and n over the
// period and filters under the metric's own name (rows[].nps, rows[].csat or rows[].ces), each against its parent
// (Δ, p, Benjamini–Hochberg-adjusted p at q = 0.05, significant, above or below), "too few" below n = 30, and each
// unit's change against its previous period with the same Benjamini–Hochberg control (docs/hierarchy.md). Another
// organization's unit is a 404.
export const GET = route({ role: "viewer", scope: "unit", query: leagueQuery }, ({ ctx, query }) =>
  unitLeague(ctx, query, new Date(), { change: true }),
);
