import { route } from "@/lib/http/handler";
import { suggestThemes, suggestionQuery } from "@/lib/text-analytics/suggestions";

// GET /api/v1/text/suggestions – suggested themes: phrases that detractors use distinctly more than promoters in the
// comments no theme covers, over the last `days` days (default 90; at most 20,000 comments, newest first), each with
// its counts, z and up to 3 example comments. Managers; the whole organization (docs/text-analytics.md, "Discovery").
export const GET = route({ role: "manager", scope: "org", query: suggestionQuery }, ({ ctx, query }) =>
  suggestThemes(ctx, query),
);
