// GET /api/health – for load balancers: the database is reachable and its schema is the one this version needs
// (200), or not (503). Says the version. While the schema is not current the server itself answers this
// (server/index.ts) with the reason.
import { checkDatabase } from "@/lib/health";
import { readSchemaStatus, VERSION } from "@/lib/schema-status";

export const dynamic = "force-dynamic";

export async function GET() {
  const reachable = await checkDatabase();
  const schema = reachable ? await readSchemaStatus().catch(() => null) : null;
  const ok = reachable && schema?.current === true;
  return Response.json(
    {
      status: ok ? "ok" : "unavailable",
      version: VERSION,
      database: reachable ? "ok" : "unreachable",
      schema: schema ? (schema.current ? "current" : "not_current") : "unknown",
    },
    { status: ok ? 200 : 503 },
  );
}
