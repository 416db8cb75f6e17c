// Webhook endpoints and the delivery log: zod only, shared by the API routes and the settings forms.
import { z } from "zod";
import { paginationQuery } from "../http/pagination";
import { BLOCKED_URL_REASON, literalUrlRefusal } from "./address";
import { WEBHOOK_EVENT_TYPES } from "./events";

export const DELIVERY_STATUSES = ["pending", "failed", "succeeded", "dead"] as const;

/** An absolute http(s) URL without user:password (it would be shown in the settings and the logs), not inside. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the URL that should receive the events")
  .max(2000, "At most 2000 characters")
  .refine((v) => URL.canParse(v), "Enter a full URL, e.g. https://example.com/hooks/resonance")
  .refine(
    (v) => !URL.canParse(v) || ["http:", "https:"].includes(new URL(v).protocol),
    "Only http:// and https:// URLs can receive webhooks",
  )
  .refine(
    (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
    "Put credentials in the receiver's check of the signature, not in the URL",
  )
  // loopback, private, link-local… in any spelling the URL parser accepts (address.ts; the resolved name is checked by the service)
  .refine(
    (v) => !URL.canParse(v) || !["http:", "https:"].includes(new URL(v).protocol) || literalUrlRefusal(v) === null,
    BLOCKED_URL_REASON,
  );

const eventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `Use one of ${WEBHOOK_EVENT_TYPES.join(", ")}` }))
  .min(1, "Choose at least one event")
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t)));

const descriptionSchema = z.string().trim().max(200, "At most 200 characters").nullable().optional();

export const createWebhookSchema = z.object({
  url: webhookUrlSchema,
  description: descriptionSchema,
  eventTypes: eventTypesSchema,
  active: z.boolean().default(true),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    description: descriptionSchema,
    eventTypes: eventTypesSchema.optional(),
    active: z.boolean().optional(),
    /** A new signing secret, answered once; the old one stops working at once. */
    rotateSecret: z.literal(true).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change" });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const deliveryListQuery = paginationQuery.extend({ status: z.enum(DELIVERY_STATUSES).optional() });
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

export const redeliverSchema = z.object({
  deliveryId: z
    .string()
    .min(1, "Name the delivery to send again")
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id"),
});
