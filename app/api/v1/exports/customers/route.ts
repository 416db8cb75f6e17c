import { route } from "@/lib/http/handler";
import { exportCustomersCsv } from "@/lib/import/export";

// GET /api/v1/exports/customers – every customer of the organization as CSV, in the column shape the import
// accepts (streamed in chunks by id).
export const GET = route({ role: "viewer" }, async ({ ctx }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await exportCustomersCsv(ctx), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
