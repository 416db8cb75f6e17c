import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { countAudience } from "@/lib/audiences/service";

// GET /api/v1/audiences/:id/count – how many customers the audience matches now, `{ matched }`, without the preview's
// reasons and sample (the audiences list fetches each row's count after the page has rendered). A stored definition
// that no longer parses matches no one: 0
export const GET = route({ role: "manager", scope: "org", params: idParams }, async ({ ctx, params }) => ({
  matched: await countAudience(ctx, params.id),
}));
