import { z } from "zod";
import { paginationQuery } from "../http/pagination";

const attributes = z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]));

export const customerInputSchema = z.object({
  externalId: z.string().trim().min(1).max(120).optional(),
  name: z.string().trim().min(1, "Name is required").max(200),
  email: z.string().trim().toLowerCase().email("Not a valid e-mail address").max(320).optional(),
  phone: z.string().trim().max(40).optional(),
  attributes: attributes.optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  consent: z.boolean().nullable().optional(),
  /** The customer's home unit: the last rule of the attribution order (docs/hierarchy.md, "Attribution"). */
  unitId: z.string().min(1).max(64).nullable().optional(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

/** Creating one customer (API and the "Add customer" form); imports match by external id or e-mail instead. */
export const customerCreateSchema = customerInputSchema.extend({
  allowSameName: z
    .boolean()
    .optional()
    .describe(
      "Create the customer although customers with the same name exist. Without it, a create that gives only a name (no e-mail, phone or external id) whose name is taken is refused with 409 (type urn:resonance:problem:same-name) naming how many there are.",
    ),
});
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

export const customerUpdateSchema = customerInputSchema.partial();
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(40).optional(),
});
export type CustomerListQuery = z.infer<typeof customerListQuery>;
