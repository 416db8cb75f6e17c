// The probes of the routes that serve unit-scoped callers ("unit" in their route options), one file per area; the
// scope matrix (scope-matrix.test.ts) fails for a "unit" route without a probe here and for a probe of a route that
// is not "unit". A probe proves, over real HTTP, that S1's and R1's callers see and change only their subtree.
import type { ScopeFixture } from "./fixture";
import { ACCESS_PROBES } from "./probes-access";

/** Keyed "METHOD /api/v1/path/:id", as the route table names routes. */
export type ScopeProbe = (f: ScopeFixture) => Promise<void>;
export type ScopeProbes = Record<string, ScopeProbe>;

export const PROBES: ScopeProbes = { ...ACCESS_PROBES };
