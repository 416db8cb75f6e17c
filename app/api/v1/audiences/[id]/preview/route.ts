import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { previewAudience } from "@/lib/audiences/service";

// GET /api/v1/audiences/:id/preview – how many customers match now, how many of them cannot be reached by e-mail and
// why (erased, opted_out, no_email, no_external_id, bouncing), and the first 20 with a link to their page. A stored definition that no longer
// parses matches no one: 0, with `definitionProblems` saying what is wrong
export const GET = route({ role: "manager", scope: "org", params: idParams }, ({ ctx, params }) =>
  previewAudience(ctx, params.id),
);
