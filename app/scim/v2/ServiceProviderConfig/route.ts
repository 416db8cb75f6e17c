// GET /scim/v2/ServiceProviderConfig – what this SCIM service supports (RFC 7643 §5)
import { scimRoute } from "@/lib/scim/handler";
import { serviceProviderConfig } from "@/lib/scim/meta";

export const GET = scimRoute(async ({ baseUrl }) => serviceProviderConfig(baseUrl));
