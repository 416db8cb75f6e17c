import { route } from "@/lib/http/handler";
import { auditListQuery } from "@/lib/audit/schema";
import { listAuditEvents } from "@/lib/audit/query";

// GET /api/v1/audit-events – the audit trail, newest first (admins): ?actorId= (or "system") &entityType=
// &action= &entityId= &from= &to= &limit= &cursor= (keyset: the previous page's nextCursor).
export const GET = route({ role: "admin", scope: "org", query: auditListQuery }, ({ ctx, query }) =>
  listAuditEvents(ctx, query),
);
