import { route } from "@/lib/http/handler";
import { csvHeaders } from "@/lib/csv/stream";
import { auditFilters } from "@/lib/audit/schema";
import { exportAuditCsv } from "@/lib/audit/query";

// GET /api/v1/exports/audit-events – the audit events matching the filters as CSV, streamed (admins); the
// export is itself recorded in the audit trail.
export const GET = route(
  { role: "admin", scope: "org", query: auditFilters },
  async ({ ctx, query }) =>
    new Response(await exportAuditCsv(ctx, query), { status: 200, headers: csvHeaders("audit-log") }),
);
