import { route, reply } from "@/lib/http/handler";
import { audienceListQuery, createAudienceSchema } from "@/lib/audiences/schema";
import { createAudience, listAudiences } from "@/lib/audiences/service";

// GET /api/v1/audiences – the organization's audiences, newest first (managers and admins: docs/distribution.md)
export const GET = route({ role: "manager", scope: "org", query: audienceListQuery }, ({ ctx, query }) =>
  listAudiences(ctx, query),
);

// POST /api/v1/audiences – a live audience: a name and a definition (criteria that must all hold)
export const POST = route({ role: "manager", scope: "org", body: createAudienceSchema }, async ({ ctx, body }) =>
  reply(await createAudience(ctx, body), 201),
);
