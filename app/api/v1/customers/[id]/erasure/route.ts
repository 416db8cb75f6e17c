import { z } from "zod";
import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { eraseCustomer } from "@/lib/privacy/erasure";

const erasureBody = z.strictObject({
  confirm: z.string().trim().min(1, "Type the customer's name or ERASE to confirm").max(200),
});

// POST /api/v1/customers/:id/erasure – erase a customer for good (admins): personal fields removed, notes
// blanked, responses anonymised, in one transaction; 409 when already erased. Body { confirm: name | "ERASE" }.
export const POST = route(
  { role: "admin", scope: "org", params: idParams, body: erasureBody },
  ({ ctx, params, body }) => eraseCustomer(ctx, params.id, body),
);
