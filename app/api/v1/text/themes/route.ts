import { route, reply } from "@/lib/http/handler";
import { createThemeSchema } from "@/lib/text-analytics/schema";
import { createTheme, listThemes } from "@/lib/text-analytics/service";

// GET /api/v1/text/themes – the organization's taxonomy: its themes (archived last) with their phrases per language,
// and the taxonomy version (the starter taxonomy until a manager changes it; docs/text-analytics.md)
export const GET = route({ role: "viewer", scope: "unit" }, ({ ctx }) => listThemes(ctx));

// POST /api/v1/text/themes – a new theme { key, name, phrases: { en: [...], de: [...] } }; history is re-analysed in the
// background (GET /api/v1/text/analysis follows it). Managers.
export const POST = route({ role: "manager", scope: "org", body: createThemeSchema }, async ({ ctx, body }) =>
  reply(await createTheme(ctx, body), 201),
);
