// Groups of the API reference, by the first path segment after /api/v1. Order here is the order of the page.
const TAGS: { name: string; description: string; segments: string[] }[] = [
  { name: "Account", description: "Who is calling.", segments: ["me"] },
  { name: "Customers", description: "Customer profiles and their timeline.", segments: ["customers"] },
  { name: "Interactions", description: "Logged contacts with customers.", segments: ["interactions", "channels"] },
  {
    name: "Journeys",
    description: "Journeys, stages and touchpoints with their promises.",
    segments: ["journeys", "stages", "touchpoints"],
  },
  { name: "Surveys", description: "Survey builder and lifecycle.", segments: ["surveys"] },
  { name: "Responses", description: "Survey responses (the inbox).", segments: ["responses"] },
  { name: "Cases", description: "Follow-up cases and the rules that open them.", segments: ["cases", "case-settings"] },
  { name: "Analytics", description: "NPS, CSAT, CES, drivers, gaps and SERVQUAL.", segments: ["metrics", "reports"] },
  {
    name: "Distribution",
    description: "Audiences, campaigns, the contact rules and the suppression log.",
    segments: ["audiences", "campaigns", "contact-rules"],
  },
  { name: "Maturity", description: "CEM maturity self-assessments.", segments: ["maturity-assessments"] },
  { name: "Import and export", description: "CSV in and out.", segments: ["imports", "exports"] },
  {
    name: "Administration",
    description: "Members, invites and API keys (admins).",
    segments: ["members", "invites", "api-keys"],
  },
  {
    name: "Organization hierarchy",
    description: "Units (regions, stores, teams): the tree, its CSV import and export (admins edit).",
    segments: ["units"],
  },
  {
    name: "Privacy and audit",
    description:
      "Retention policy and the audit log (admins); customer export, erasure and consent are under Customers.",
    segments: ["retention", "audit-events"],
  },
  {
    name: "Webhooks",
    description: "Signed outgoing events, their delivery log and redelivery (admins).",
    segments: ["webhooks"],
  },
  {
    name: "Public survey API",
    description: "No login: what the hosted survey page and the embed script call. CORS per survey.",
    segments: ["public"],
  },
  { name: "Meta", description: "This document.", segments: ["openapi.json"] },
];

export function tagOf(path: string): string {
  const segment = path.split("/")[3] ?? "";
  return TAGS.find((t) => t.segments.includes(segment))?.name ?? segment;
}

export function tagList(used: Set<string>): { name: string; description?: string }[] {
  const known = TAGS.filter((t) => used.has(t.name)).map(({ name, description }) => ({ name, description }));
  const other = [...used]
    .filter((n) => !TAGS.some((t) => t.name === n))
    .sort()
    .map((name) => ({ name }));
  return [...known, ...other];
}
