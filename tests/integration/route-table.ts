// Every /api/v1 route with its minimum role and how to probe it. routes.test.ts fails when a route file
// exports a method that is missing here, so a new route cannot skip the cross-tenant and role checks.
import type { Role } from "@/lib/auth/roles";
import type { Org } from "../factories";

type Ids = Org["ids"];

/** An authenticated route names its minimum role; a public one (no login) is marked `public` instead and is
 * covered by its own suite (public-responses.test.ts): no role matrix, session or tenant probes. */
type RouteAccess = { minRole: Role; public?: never } | { public: true; minRole?: never };

export type RouteCase = RouteAccess & {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string; // as in the file tree, with :id
  /** Which entity :id names (for the cross-tenant probe). */
  entity?: keyof Ids;
  /** A body that passes the role gate but fails validation (role matrix: no side effects). */
  invalidBody?: unknown;
  /** A valid body, used for the cross-tenant probe of writes (with the other organization's id). */
  validBody?: (ids: Ids) => unknown;
  /** Query strings that name another organization's ids; the answer must not reveal their rows. */
  foreignQueries?: (ids: Ids) => string[];
  /** Access management: a signed-in person only, every API key gets 403 (docs/security/api-keys.md). The role matrix
   * and tenancy probes use sessions for these. */
  sessionOnly?: true;
  /** Takes a CSV upload (text/csv or multipart): the fuzzer sends hostile files (fuzz.test.ts). */
  csv?: true;
};

export const ROUTES: RouteCase[] = [
  { method: "GET", path: "/api/v1/me", minRole: "viewer" },
  { method: "GET", path: "/api/v1/customers", minRole: "viewer" },
  { method: "POST", path: "/api/v1/customers", minRole: "agent", invalidBody: { email: "nope" } },
  { method: "GET", path: "/api/v1/customers/:id", minRole: "viewer", entity: "customer" },
  { method: "GET", path: "/api/v1/customers/:id/timeline", minRole: "viewer", entity: "customer" },
  {
    method: "PATCH",
    path: "/api/v1/customers/:id",
    minRole: "agent",
    entity: "customer",
    invalidBody: { email: "nope" },
    validBody: () => ({ name: "Taken over" }),
  },
  { method: "GET", path: "/api/v1/journeys", minRole: "viewer" },
  { method: "POST", path: "/api/v1/journeys", minRole: "manager", invalidBody: { name: "" } },
  { method: "GET", path: "/api/v1/journeys/:id", minRole: "viewer", entity: "journey" },
  {
    method: "PATCH",
    path: "/api/v1/journeys/:id",
    minRole: "manager",
    entity: "journey",
    invalidBody: { name: "" },
    validBody: () => ({ archived: true }),
  },
  { method: "GET", path: "/api/v1/touchpoints", minRole: "viewer" },
  // the touchpoint's QR code: link and answers (json), the printable sheet (format=svg|pdf)
  { method: "GET", path: "/api/v1/touchpoints/:id/qr", minRole: "manager", entity: "touchpoint" },
  // journey editor (lib/journeys/editor.ts)
  {
    method: "POST",
    path: "/api/v1/journeys/:id/stages",
    minRole: "manager",
    entity: "journey",
    invalidBody: { name: "" },
    validBody: () => ({ name: "Taken over" }),
  },
  {
    method: "PUT",
    path: "/api/v1/journeys/:id/stages/order",
    minRole: "manager",
    entity: "journey",
    invalidBody: { stageIds: [] },
    validBody: (ids) => ({ stageIds: [ids.stage] }),
  },
  {
    method: "PATCH",
    path: "/api/v1/stages/:id",
    minRole: "manager",
    entity: "stage",
    invalidBody: { name: "" },
    validBody: () => ({ name: "Taken over", archived: true }),
  },
  {
    method: "POST",
    path: "/api/v1/touchpoints",
    minRole: "manager",
    invalidBody: { stageId: "", kind: "smoke", targetCsat: 9 },
  },
  {
    method: "PATCH",
    path: "/api/v1/touchpoints/:id",
    minRole: "manager",
    entity: "touchpoint",
    invalidBody: { targetCsat: 9 },
    validBody: () => ({ name: "Taken over", archived: true }),
  },
  { method: "GET", path: "/api/v1/channels", minRole: "viewer" },
  {
    method: "GET",
    path: "/api/v1/interactions",
    minRole: "viewer",
    foreignQueries: (ids) => [`?customerId=${ids.customer}`, `?touchpointId=${ids.touchpoint}`],
  },
  { method: "POST", path: "/api/v1/interactions", minRole: "agent", invalidBody: { outcome: "maybe" } },
  { method: "GET", path: "/api/v1/interactions/:id", minRole: "viewer", entity: "interaction" },
  { method: "GET", path: "/api/v1/surveys", minRole: "viewer" },
  { method: "GET", path: "/api/v1/surveys/:id", minRole: "viewer", entity: "survey" },
  // survey builder (lib/surveys/builder.ts)
  { method: "POST", path: "/api/v1/surveys", minRole: "manager", invalidBody: { name: "", template: "nps" } },
  {
    method: "PATCH",
    path: "/api/v1/surveys/:id",
    minRole: "manager",
    entity: "survey",
    invalidBody: { name: "" },
    validBody: () => ({ name: "Taken over" }),
  },
  {
    method: "PUT",
    path: "/api/v1/surveys/:id/questions",
    minRole: "manager",
    entity: "survey",
    invalidBody: { questions: "nope" },
    validBody: () => ({ questions: [] }),
  },
  { method: "POST", path: "/api/v1/surveys/:id/publish", minRole: "manager", entity: "survey" },
  { method: "POST", path: "/api/v1/surveys/:id/close", minRole: "manager", entity: "survey" },
  { method: "POST", path: "/api/v1/surveys/:id/reopen", minRole: "manager", entity: "survey" },
  {
    method: "GET",
    path: "/api/v1/responses",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?surveyId=${ids.survey}`,
      `?customerId=${ids.customer}`,
      `?touchpointId=${ids.touchpoint}`,
      `?channelId=${ids.channel}&category=detractor`,
    ],
  },
  { method: "GET", path: "/api/v1/responses/:id", minRole: "viewer", entity: "response" },
  { method: "GET", path: "/api/v1/cases", minRole: "viewer" },
  { method: "GET", path: "/api/v1/cases/:id", minRole: "viewer", entity: "case" },
  { method: "GET", path: "/api/v1/case-settings", minRole: "agent" },
  { method: "PUT", path: "/api/v1/case-settings", minRole: "manager", invalidBody: { rootCauses: [] } },
  {
    method: "PATCH",
    path: "/api/v1/cases/:id",
    minRole: "agent",
    entity: "case",
    invalidBody: {},
    validBody: () => ({ status: "resolved", resolution: "taken over" }),
  },
  { method: "GET", path: "/api/v1/metrics/headline", minRole: "viewer" },
  // analytics (lib/analytics): another organization's ids in the filters match nothing
  {
    method: "GET",
    path: "/api/v1/metrics/trend",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?journeyId=${ids.journey}`,
      `?touchpointId=${ids.touchpoint}`,
      `?surveyId=${ids.survey}`,
      `?stageId=${ids.stage}&channelId=${ids.channel}&preset=18m`,
    ],
  },
  {
    method: "GET",
    path: "/api/v1/metrics/summary",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?journeyId=${ids.journey}`,
      `?touchpointId=${ids.touchpoint}`,
      `?surveyId=${ids.survey}`,
      `?stageId=${ids.stage}&channelId=${ids.channel}&preset=18m`,
    ],
  },
  {
    method: "GET",
    path: "/api/v1/metrics/drivers",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?surveyId=${ids.survey}&preset=18m`,
      `?journeyId=${ids.journey}&outcome=csat`,
      `?touchpointId=${ids.touchpoint}&format=csv`,
    ],
  },
  {
    method: "GET",
    path: "/api/v1/metrics/compare",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?journeyId=${ids.journey}`,
      `?touchpointId=${ids.touchpoint}`,
      `?surveyId=${ids.survey}`,
      `?stageId=${ids.stage}&channelId=${ids.channel}&preset=18m`,
    ],
  },
  // theme analytics (lib/text-analytics/themes-report.ts): another organization's ids in the filters match nothing
  {
    method: "GET",
    path: "/api/v1/metrics/themes",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?journeyId=${ids.journey}`,
      `?touchpointId=${ids.touchpoint}&format=csv`,
      `?surveyId=${ids.survey}&metric=csat`,
      `?stageId=${ids.stage}&channelId=${ids.channel}&preset=18m`,
    ],
  },
  {
    method: "GET",
    path: "/api/v1/metrics/themes/trend",
    minRole: "viewer",
    foreignQueries: (ids) => [`?journeyId=${ids.journey}&theme=billing`, `?touchpointId=${ids.touchpoint}&preset=18m`],
  },
  // journey map and experience gaps (lib/journeys/map.ts, gaps-report.ts)
  { method: "GET", path: "/api/v1/journeys/:id/map", minRole: "viewer", entity: "journey" },
  { method: "GET", path: "/api/v1/journeys/:id/paths", minRole: "viewer", entity: "journey" },
  {
    method: "GET",
    path: "/api/v1/reports/gaps",
    minRole: "viewer",
    foreignQueries: (ids) => [`?channelId=${ids.channel}&preset=18m`, `?channelId=${ids.channel}&format=csv`],
  },
  {
    method: "GET",
    path: "/api/v1/reports/servqual",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?touchpointId=${ids.touchpoint}&preset=18m`,
      `?surveyId=${ids.survey}`,
      `?journeyId=${ids.journey}&format=csv`,
    ],
  },
  { method: "GET", path: "/api/v1/maturity-assessments", minRole: "viewer" },
  {
    method: "POST",
    path: "/api/v1/maturity-assessments",
    minRole: "manager",
    invalidBody: { answers: { strategy_vision: 9 } },
  },
  { method: "GET", path: "/api/v1/members", minRole: "admin" },
  {
    method: "PATCH",
    path: "/api/v1/members/:id",
    minRole: "admin",
    sessionOnly: true,
    entity: "member",
    invalidBody: { role: "owner" },
    validBody: () => ({ role: "admin" }),
  },
  { method: "DELETE", path: "/api/v1/members/:id", minRole: "admin", sessionOnly: true, entity: "member" },
  { method: "DELETE", path: "/api/v1/members/:id/sessions", minRole: "admin", sessionOnly: true, entity: "member" },
  { method: "GET", path: "/api/v1/invites", minRole: "admin", sessionOnly: true },
  {
    method: "POST",
    path: "/api/v1/invites",
    minRole: "admin",
    sessionOnly: true,
    invalidBody: { email: "nope", role: "viewer" },
  },
  { method: "DELETE", path: "/api/v1/invites/:id", minRole: "admin", sessionOnly: true, entity: "invite" },
  { method: "GET", path: "/api/v1/api-keys", minRole: "admin", sessionOnly: true },
  { method: "POST", path: "/api/v1/api-keys", minRole: "admin", sessionOnly: true, invalidBody: { name: "" } },
  { method: "DELETE", path: "/api/v1/api-keys/:id", minRole: "admin", sessionOnly: true, entity: "apiKey" },
  // outgoing webhooks (lib/webhooks)
  { method: "GET", path: "/api/v1/webhooks", minRole: "admin" },
  {
    method: "POST",
    path: "/api/v1/webhooks",
    minRole: "admin",
    invalidBody: { url: "ftp://example.test/hook", eventTypes: [] },
  },
  { method: "GET", path: "/api/v1/webhooks/:id", minRole: "admin", entity: "webhook" },
  {
    method: "PATCH",
    path: "/api/v1/webhooks/:id",
    minRole: "admin",
    entity: "webhook",
    invalidBody: { url: "not a url" },
    validBody: () => ({ url: "https://taken-over.example.test/hook", rotateSecret: true }),
  },
  { method: "DELETE", path: "/api/v1/webhooks/:id", minRole: "admin", entity: "webhook" },
  { method: "GET", path: "/api/v1/webhooks/:id/deliveries", minRole: "admin", entity: "webhook" },
  {
    method: "POST",
    path: "/api/v1/webhooks/:id/redeliver",
    minRole: "admin",
    entity: "webhook",
    invalidBody: { deliveryId: "" },
    validBody: () => ({ deliveryId: "any" }),
  },
  { method: "POST", path: "/api/v1/webhooks/:id/test", minRole: "admin", entity: "webhook" },
  // audiences (lib/audiences, docs/distribution.md): managers and admins
  { method: "GET", path: "/api/v1/audiences", minRole: "manager" },
  {
    method: "POST",
    path: "/api/v1/audiences",
    minRole: "manager",
    invalidBody: { name: "", definition: { criteria: [{ type: "tags", tags: [] }] } },
  },
  { method: "POST", path: "/api/v1/audiences/static", minRole: "manager", csv: true, invalidBody: { csv: "not CSV" } },
  { method: "GET", path: "/api/v1/audiences/:id", minRole: "manager", entity: "audience" },
  {
    method: "PATCH",
    path: "/api/v1/audiences/:id",
    minRole: "manager",
    entity: "audience",
    invalidBody: { name: "" },
    validBody: () => ({ name: "Taken over", definition: { criteria: [{ type: "consent", states: ["given"] }] } }),
  },
  { method: "DELETE", path: "/api/v1/audiences/:id", minRole: "manager", entity: "audience" },
  { method: "GET", path: "/api/v1/audiences/:id/preview", minRole: "manager", entity: "audience" },
  { method: "GET", path: "/api/v1/audiences/:id/count", minRole: "manager", entity: "audience" },
  {
    method: "PUT",
    path: "/api/v1/audiences/:id/members",
    minRole: "manager",
    entity: "audience",
    csv: true,
    invalidBody: { csv: "not CSV" },
  },
  // campaigns (lib/campaigns, docs/distribution.md): managers and admins
  { method: "GET", path: "/api/v1/campaigns", minRole: "manager" },
  {
    method: "POST",
    path: "/api/v1/campaigns",
    minRole: "manager",
    invalidBody: { name: "", surveyId: "", audienceId: "" },
  },
  { method: "GET", path: "/api/v1/campaigns/:id", minRole: "manager", entity: "campaign" },
  { method: "GET", path: "/api/v1/campaigns/:id/response-rates", minRole: "manager", entity: "campaign" },
  { method: "POST", path: "/api/v1/campaigns/:id/pause", minRole: "manager", entity: "campaign" },
  { method: "POST", path: "/api/v1/campaigns/:id/resume", minRole: "manager", entity: "campaign" },
  { method: "POST", path: "/api/v1/campaigns/:id/cancel", minRole: "manager", entity: "campaign" },
  // triggers (lib/triggers, docs/distribution.md "Triggers"): managers and admins
  { method: "GET", path: "/api/v1/triggers", minRole: "manager" },
  {
    method: "POST",
    path: "/api/v1/triggers",
    minRole: "manager",
    invalidBody: { name: "", event: "sometimes", surveyId: "", delayAmount: -1 },
    validBody: (ids) => ({
      name: "Taken over",
      event: "interaction",
      surveyId: ids.survey,
      touchpointId: ids.touchpoint,
      delayAmount: 1,
      status: "paused",
    }),
  },
  { method: "GET", path: "/api/v1/triggers/:id", minRole: "manager", entity: "trigger" },
  { method: "GET", path: "/api/v1/triggers/:id/response-rates", minRole: "manager", entity: "trigger" },
  {
    method: "PATCH",
    path: "/api/v1/triggers/:id",
    minRole: "manager",
    entity: "trigger",
    invalidBody: { delayUnit: "weeks" },
    validBody: () => ({ name: "Taken over", delayAmount: 2 }),
  },
  { method: "DELETE", path: "/api/v1/triggers/:id", minRole: "manager", entity: "trigger" },
  // contact rules and the suppression log (docs/distribution.md "Contact rules"): managers and admins
  { method: "GET", path: "/api/v1/campaigns/:id/suppressions", minRole: "manager", entity: "campaign" },
  { method: "GET", path: "/api/v1/customers/:id/suppressions", minRole: "manager", entity: "customer" },
  { method: "GET", path: "/api/v1/contact-rules", minRole: "manager" },
  {
    method: "PUT",
    path: "/api/v1/contact-rules",
    minRole: "manager",
    invalidBody: { capDays: -1, quietStartHour: 21, quietEndHour: 8, timeZone: "UTC" },
  },
  // the unit tree (lib/units, docs/hierarchy.md): every role reads, admins edit
  { method: "GET", path: "/api/v1/units", minRole: "viewer", foreignQueries: () => ["?archived=false"] },
  { method: "POST", path: "/api/v1/units", minRole: "admin", invalidBody: { code: "bad code!", name: "" } },
  { method: "GET", path: "/api/v1/units/:id", minRole: "viewer", entity: "unit" },
  {
    method: "PATCH",
    path: "/api/v1/units/:id",
    minRole: "admin",
    entity: "unit",
    invalidBody: { name: "" },
    validBody: () => ({ name: "Taken over" }),
  },
  {
    method: "POST",
    path: "/api/v1/units/:id/move",
    minRole: "admin",
    entity: "unit",
    invalidBody: { parentId: 5 },
    validBody: () => ({ parentId: null }),
  },
  { method: "POST", path: "/api/v1/units/:id/archive", minRole: "admin", entity: "unit" },
  { method: "POST", path: "/api/v1/units/:id/restore", minRole: "admin", entity: "unit" },
  { method: "POST", path: "/api/v1/units/import", minRole: "admin", csv: true, invalidBody: { csv: "not CSV" } },
  { method: "GET", path: "/api/v1/units/export", minRole: "viewer" },
  { method: "GET", path: "/api/v1/units/backfill", minRole: "admin" },
  // the unit league table (lib/units/league.ts); another organization's parentId is a 404 (unit-league.test.ts)
  { method: "GET", path: "/api/v1/reports/units", minRole: "viewer" },
  { method: "POST", path: "/api/v1/units/backfill", minRole: "admin" },
  // text analytics (lib/text-analytics, docs/text-analytics.md): the organization's taxonomy — every role reads,
  // managers edit — and the analysis of history (managers)
  { method: "GET", path: "/api/v1/text/themes", minRole: "viewer" },
  {
    method: "POST",
    path: "/api/v1/text/themes",
    minRole: "manager",
    invalidBody: { key: "Bad Key", name: "", phrases: { en: [""] } },
  },
  { method: "GET", path: "/api/v1/text/themes/:id", minRole: "viewer", entity: "textTheme" },
  {
    method: "PATCH",
    path: "/api/v1/text/themes/:id",
    minRole: "manager",
    entity: "textTheme",
    invalidBody: { name: "", phrases: { de: ["*x"] } },
    validBody: () => ({ name: "Taken over" }),
  },
  { method: "DELETE", path: "/api/v1/text/themes/:id", minRole: "manager", entity: "textTheme" },
  { method: "GET", path: "/api/v1/text/analysis", minRole: "manager" },
  { method: "POST", path: "/api/v1/text/analysis", minRole: "manager" },
  { method: "GET", path: "/api/v1/text/suggestions", minRole: "manager" },
  {
    method: "POST",
    path: "/api/v1/units/reassign",
    minRole: "admin",
    invalidBody: { toUnitId: "", kinds: [] },
  },
  // The audit log (lib/audit) comes before the exports: the cross-tenant probes of /exports/responses put the other
  // organization's ids into this organization's audit trail as the filters its admin typed (their own record).
  {
    method: "GET",
    path: "/api/v1/audit-events",
    minRole: "admin",
    foreignQueries: (ids) => [`?entityId=${ids.customer}`, `?entityType=Customer`],
  },
  {
    method: "GET",
    path: "/api/v1/exports/audit-events",
    minRole: "admin",
    foreignQueries: (ids) => [`?entityId=${ids.customer}`],
  },
  // CSV import/export (lib/import): the role matrix sends JSON, which the CSV routes refuse with 415.
  {
    method: "POST",
    path: "/api/v1/imports/customers/preview",
    minRole: "manager",
    invalidBody: { csv: "not a CSV body" },
  },
  { method: "POST", path: "/api/v1/imports/customers", minRole: "manager", invalidBody: { csv: "not a CSV body" } },
  { method: "GET", path: "/api/v1/exports/customers", minRole: "viewer" },
  { method: "POST", path: "/api/v1/imports/interactions", minRole: "manager", invalidBody: { csv: "not a CSV body" } },
  { method: "GET", path: "/api/v1/exports/interactions", minRole: "viewer" },
  { method: "POST", path: "/api/v1/imports/responses", minRole: "manager", invalidBody: { csv: "not a CSV body" } },
  {
    method: "GET",
    path: "/api/v1/exports/responses",
    minRole: "viewer",
    foreignQueries: (ids) => [
      `?surveyId=${ids.survey}`,
      `?customerId=${ids.customer}&touchpointId=${ids.touchpoint}`,
      `?channelId=${ids.channel}`,
    ],
  },
  // Public survey API (respondents, embeds): see public-responses.test.ts.
  { method: "GET", path: "/api/v1/public/surveys/:publicId", public: true },
  { method: "POST", path: "/api/v1/public/surveys/:publicId/responses", public: true },
  // Twilio's webhooks (inbound SMS, delivery receipts): signed by Twilio, see campaigns-sms-webhooks.test.ts.
  { method: "POST", path: "/api/v1/public/sms/twilio/inbound", public: true },
  { method: "POST", path: "/api/v1/public/sms/twilio/status", public: true },
  // The OpenAPI document (openapi.test.ts): public, describes the API rather than anyone's data.
  { method: "GET", path: "/api/v1/openapi.json", public: true },
  // privacy tools and the audit log (lib/privacy, lib/audit)
  { method: "GET", path: "/api/v1/customers/:id/export", minRole: "manager", entity: "customer" },
  {
    method: "POST",
    path: "/api/v1/customers/:id/erasure",
    minRole: "admin",
    entity: "customer",
    invalidBody: { confirm: "" },
    validBody: () => ({ confirm: "ERASE" }),
  },
  { method: "GET", path: "/api/v1/customers/:id/consent", minRole: "viewer", entity: "customer" },
  { method: "GET", path: "/api/v1/retention", minRole: "admin" },
  {
    method: "PUT",
    path: "/api/v1/retention",
    minRole: "admin",
    invalidBody: { enabled: true, months: 0, mode: "shred" },
  },
  { method: "POST", path: "/api/v1/retention/run", minRole: "admin", invalidBody: { dryRun: "maybe" } },
  // single sign-on (lib/sso): one connection per organization, so no :id; DELETE of none is a 404
  { method: "GET", path: "/api/v1/sso-connection", minRole: "admin", sessionOnly: true },
  {
    method: "PUT",
    path: "/api/v1/sso-connection",
    minRole: "admin",
    sessionOnly: true,
    invalidBody: { issuer: "ftp://idp.example.test", clientId: "", allowedDomains: [] },
  },
  { method: "DELETE", path: "/api/v1/sso-connection", minRole: "admin", sessionOnly: true },
  // DNS proof of a listed domain (lib/sso/domains.ts); without a connection a 404
  {
    method: "POST",
    path: "/api/v1/sso-connection/domain-checks",
    minRole: "admin",
    sessionOnly: true,
    invalidBody: { domain: "" },
  },
  // customer tokens (lib/customers/token-secrets.ts): the secret speaks for every customer, so no API key manages it
  { method: "GET", path: "/api/v1/customer-token-secret", minRole: "admin", sessionOnly: true },
  {
    method: "POST",
    path: "/api/v1/customer-token-secret/rotate",
    minRole: "admin",
    sessionOnly: true,
    invalidBody: { previousValidHours: -1 },
  },
];
