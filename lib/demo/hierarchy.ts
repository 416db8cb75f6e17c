// The demo organization's hierarchy (docs/hierarchy.md): three retail regions → areas → stores, and a contact
// centre with its teams. The tree is planned here with ids from the generator's id stream and written through the
// unit service (`createUnitIn`, lib/units/service.ts) inside the generator's transaction; touchpoints and
// customers get their units, and every interaction, response and case is attributed by the documented rule order
// (`attribute` / `attributeCase`, lib/units/attribution.ts) — the same function the write paths will call.
// Draws from a random stream of its own, so the rest of the demo data is what it was without units.
import type { Prisma } from "../generated/sqlite/client";
import type { Ctx } from "../auth/ctx";
import { attribute, attributeCase, type Attribution, type Candidate } from "../units/attribution";
import { createUnitIn } from "../units/service";
import { createRng, hashString } from "../metrics/random";

export type DemoUnitDef = { code: string; name: string; kind: string; parent: string | null };

const store = (code: string, name: string, parent: string): DemoUnitDef => ({ code, name, kind: "store", parent });
const area = (code: string, name: string, parent: string): DemoUnitDef => ({ code, name, kind: "area", parent });
const team = (code: string, name: string): DemoUnitDef => ({ code, name, kind: "team", parent: "CC" });

/** Parents before children. Names avoid those tests/e2e/units.spec.ts imports ("Store 11 · Leeds" …). */
export const DEMO_UNITS: readonly DemoUnitDef[] = [
  { code: "R-SOUTH", name: "South", kind: "region", parent: null },
  area("A-LDN", "London", "R-SOUTH"),
  store("S-LDN-OXF", "Oxford Street store", "A-LDN"),
  store("S-LDN-CAN", "Canary Wharf store", "A-LDN"),
  store("S-LDN-CRO", "Croydon store", "A-LDN"),
  area("A-SSW", "South & West", "R-SOUTH"),
  store("S-BRI", "Brighton store", "A-SSW"),
  store("S-BRS", "Bristol Cabot Circus store", "A-SSW"),
  store("S-CDF", "Cardiff Queen Street store", "A-SSW"),
  { code: "R-CENTRAL", name: "Central & East", kind: "region", parent: null },
  area("A-MID", "Midlands", "R-CENTRAL"),
  store("S-BHM", "Birmingham Bullring store", "A-MID"),
  store("S-NOT", "Nottingham store", "A-MID"),
  area("A-EAST", "East of England", "R-CENTRAL"),
  store("S-CAM", "Cambridge store", "A-EAST"),
  store("S-NOR", "Norwich store", "A-EAST"),
  { code: "R-NORTH", name: "North", kind: "region", parent: null },
  area("A-NW", "North West", "R-NORTH"),
  store("S-MAN", "Manchester Arndale store", "A-NW"),
  store("S-LIV", "Liverpool ONE store", "A-NW"),
  area("A-NE", "Yorkshire & North East", "R-NORTH"),
  store("S-LDS", "Leeds Trinity store", "A-NE"),
  store("S-NCL", "Newcastle Eldon Square store", "A-NE"),
  area("A-SCO", "Scotland & Northern Ireland", "R-NORTH"),
  store("S-GLA", "Glasgow Buchanan Street store", "A-SCO"),
  store("S-EDI", "Edinburgh Princes Street store", "A-SCO"),
  store("S-BFS", "Belfast store", "A-SCO"),
  { code: "CC", name: "Contact centre", kind: "contact centre", parent: null },
  team("T-TECH", "Technical support team"),
  team("T-CHAT", "Chat & social team"),
  team("T-BILL", "Billing team"),
  team("T-RET", "Retention & welcome team"),
];

/** The stores nearest to customers of each `region` attribute (lib/demo/text.ts REGIONS): their home unit. */
const HOME_STORES: Record<string, string[]> = {
  London: ["S-LDN-OXF", "S-LDN-CAN", "S-LDN-CRO"],
  "South East": ["S-BRI", "S-LDN-CRO"],
  "South West": ["S-BRS"],
  Wales: ["S-CDF"],
  "East of England": ["S-CAM", "S-NOR"],
  Midlands: ["S-BHM", "S-NOT"],
  "North West": ["S-MAN", "S-LIV"],
  "North East": ["S-NCL"],
  Yorkshire: ["S-LDS"],
  Scotland: ["S-GLA", "S-EDI"],
  "Northern Ireland": ["S-BFS"],
};
/** Customers who never use a store (online only) have no home unit: their digital answers count for the organization. */
export const ONLINE_ONLY_SHARE = 0.15;

/** The contact centre's touchpoints belong to its teams; store and digital touchpoints to no unit (every store shares them). */
export const DEMO_TOUCHPOINT_UNITS: Record<string, string> = {
  "Phone support call": "T-TECH",
  "Phone support call back": "T-TECH",
  "Phone menu (IVR)": "T-TECH",
  "Live chat support": "T-CHAT",
  "Chatbot triage": "T-CHAT",
  "Social media care": "T-CHAT",
  "Billing phone line": "T-BILL",
  "Retention call": "T-RET",
  "Early-life check call": "T-RET",
};

/** The staff accounts of the hierarchy: which unit their membership is scoped to (docs/hierarchy.md). */
export type ScopedUser = { id: string; unit: string };

export type PlannedUnit = DemoUnitDef & { id: string };

export function planUnits(newId: () => string): PlannedUnit[] {
  return DEMO_UNITS.map((u) => ({ ...u, id: newId() }));
}

/**
 * Writes the planned tree through the unit service, parents first, as the organization's admin. The units carry
 * the set-up date; their audit events (append-only) say when the generator ran.
 */
export async function createDemoUnits(
  tx: Prisma.TransactionClient,
  ctx: Ctx,
  units: readonly PlannedUnit[],
  at: Date,
): Promise<void> {
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  for (const u of units)
    await createUnitIn(
      tx,
      ctx,
      { code: u.code, name: u.name, kind: u.kind, parentId: u.parent ? idOf.get(u.parent)! : undefined },
      { id: u.id, at },
    );
}

type Rows = {
  touchpoints: Prisma.TouchpointCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  interactions: Prisma.InteractionCreateManyInput[];
  responses: Prisma.ResponseCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
};

export type AttributionCounts = Record<"interactions" | "responses" | "cases", Record<string, number>>;

/**
 * Gives touchpoints and customers their units, lets the hierarchy's staff log their share of the interactions at
 * their unit's touchpoints (the team lead at the team's, the store manager for their store's customers in store),
 * and attributes every interaction, response and case by the rule order. Mutates the rows; returns how many rows
 * each rule decided.
 */
export function attributeDemoRows(
  rows: Rows,
  units: readonly PlannedUnit[],
  staff: { teamLead: ScopedUser; storeManager: ScopedUser },
  seed: number,
): AttributionCounts {
  const rng = createRng(hashString(`units:${seed}`));
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  const active = (id: string | null | undefined): Candidate => (id ? { id, archived: false } : null);

  const tpUnit = new Map<string, string | null>();
  for (const t of rows.touchpoints) {
    const code = DEMO_TOUCHPOINT_UNITS[t.name];
    t.unitId = code ? idOf.get(code)! : null;
    tpUnit.set(t.id!, t.unitId);
  }
  const storeTouchpoints = new Set(
    rows.touchpoints.filter((t) => (t.kind === "human" || t.kind === "physical") && !t.unitId).map((t) => t.id!),
  );

  const home = new Map<string, string | null>();
  for (const c of rows.customers) {
    const region = (c.attributes as { region?: string } | null)?.region ?? "";
    const stores = HOME_STORES[region];
    c.unitId = stores && !rng.chance(ONLINE_ONLY_SHARE) ? idOf.get(rng.pick(stores))! : null;
    home.set(c.id!, c.unitId);
  }

  const staffUnit = new Map<string, string>([
    [staff.teamLead.id, idOf.get(staff.teamLead.unit)!],
    [staff.storeManager.id, idOf.get(staff.storeManager.unit)!],
  ]);
  const counts: AttributionCounts = { interactions: {}, responses: {}, cases: {} };
  const tally = (kind: keyof AttributionCounts, a: { rule: string }) =>
    (counts[kind][a.rule] = (counts[kind][a.rule] ?? 0) + 1);

  const teamLeadUnit = idOf.get(staff.teamLead.unit)!;
  const storeManagerUnit = idOf.get(staff.storeManager.unit)!;
  for (const i of rows.interactions) {
    const tp = tpUnit.get(i.touchpointId!) ?? null;
    const customerHome = home.get(i.customerId) ?? null;
    if (i.source === "staff") {
      if (tp === teamLeadUnit && rng.chance(0.3)) i.staffId = staff.teamLead.id;
      else if (storeTouchpoints.has(i.touchpointId!) && customerHome === storeManagerUnit && rng.chance(0.6))
        i.staffId = staff.storeManager.id;
    }
    const a: Attribution = attribute({
      staff: i.source === "staff" && i.staffId ? active(staffUnit.get(i.staffId)) : null,
      touchpoint: active(tp),
      customer: active(customerHome),
    });
    i.unitId = a.unitId;
    tally("interactions", a);
  }

  const responseUnit = new Map<string, string | null>();
  for (const r of rows.responses) {
    // No campaign or link of the demo names a unit, so rule 1 never applies here.
    const a = attribute({
      touchpoint: active(r.touchpointId ? tpUnit.get(r.touchpointId) : null),
      customer: active(r.customerId ? home.get(r.customerId) : null),
    });
    r.unitId = a.unitId;
    responseUnit.set(r.id!, a.unitId);
    tally("responses", a);
  }
  for (const c of rows.cases) {
    const source = c.responseId ? { unitId: responseUnit.get(c.responseId) ?? null } : null;
    const a = attributeCase({ source, customer: active(c.customerId ? home.get(c.customerId) : null) });
    c.unitId = a.unitId;
    tally("cases", a);
  }
  return counts;
}
