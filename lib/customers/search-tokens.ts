// What a customer can be found by: each name word, the full name, the e-mail, its local part and the
// external id, lower-cased with accents removed ("Zoë Ångström" → "zoe", "angstrom"). What the agent types
// is normalised the same way. Rows carry the token's first two characters (`head`) so that the database
// finds candidates by equality, which behaves the same under every collation; see prisma/schema.prisma.

const MAX_TOKEN = 120;
export const MIN_QUERY = 2;

export function normalizeSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function headOf(token: string): string {
  return Array.from(token).slice(0, MIN_QUERY).join("");
}

export function searchTokens(c: { name?: string | null; email?: string | null; externalId?: string | null }): string[] {
  const out = new Set<string>();
  const add = (t: string | null | undefined) => {
    const n = t ? normalizeSearch(t).slice(0, MAX_TOKEN) : "";
    if (n) out.add(n);
  };
  for (const word of normalizeSearch(c.name ?? "").split(/[\s\-'’,.()]+/)) add(word);
  if (c.name && /\s/.test(c.name.trim())) add(c.name); // the full name, so "noah cl" matches too
  if (c.email) {
    add(c.email);
    add(c.email.split("@")[0]);
  }
  add(c.externalId);
  return [...out];
}

export function searchTokenRows(orgId: string, customerId: string, c: Parameters<typeof searchTokens>[0]) {
  return searchTokens(c).map((token) => ({ orgId, customerId, head: headOf(token), token }));
}
