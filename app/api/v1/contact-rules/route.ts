import { route } from "@/lib/http/handler";
import { contactRuleSchema, getContactRule, updateContactRule } from "@/lib/campaigns/contact-rule-service";

// GET /api/v1/contact-rules – the organization's frequency cap and quiet hours (the defaults until saved: isDefault)
export const GET = route({ role: "manager", scope: "org" }, ({ ctx }) => getContactRule(ctx));

// PUT /api/v1/contact-rules – { capDays, quietStartHour, quietEndHour, timeZone } (managers and admins; audited)
export const PUT = route({ role: "manager", scope: "org", body: contactRuleSchema }, ({ ctx, body }) =>
  updateContactRule(ctx, body),
);
