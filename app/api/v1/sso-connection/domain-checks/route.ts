import { route } from "@/lib/http/handler";
import { domainCheckSchema } from "@/lib/sso/schema";
import { verifyDomainByDns } from "@/lib/sso/domains";

// POST /api/v1/sso-connection/domain-checks – look up a listed domain's DNS TXT challenge and verify the domain for this organization (audited)
export const POST = route(
  { role: "admin", scope: "org", sessionOnly: true, body: domainCheckSchema },
  ({ ctx, body }) => verifyDomainByDns(ctx, body.domain),
);
