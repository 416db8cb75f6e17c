// The probes of the routes that serve unit-scoped callers ("unit" in their route options), one file per area; the
// scope matrix (scope-matrix.test.ts) fails for a "unit" route without a probe here and for a probe of a route that
// is not "unit". A probe proves, over real HTTP, that S1's and R1's callers see and change only their subtree.
import type { ScopeFixture } from "./fixture";
import { ACCESS_PROBES } from "./probes-access";
import { ACCESS_PAGE_PROBES } from "./pages-access";
import { RECORDS_PROBES } from "./probes-records";
import { RECORDS_PAGE_PROBES } from "./pages-records";
import { RECORDS_ACTION_PROBES } from "./actions-records";
import { CUSTOMER_PROBES } from "./probes-customers";
import { CUSTOMER_PAGE_PROBES } from "./pages-customers";
import { CUSTOMER_ACTION_PROBES } from "./actions-customers";
import { ANALYTICS_PROBES } from "./probes-analytics";
import { ANALYTICS_PAGE_PROBES } from "./pages-analytics";
import { TEXT_PROBES } from "./probes-text";
import { THEME_PROBES } from "./probes-themes";

/** Keyed "METHOD /api/v1/path/:id", as the route table names routes. */
export type ScopeProbe = (f: ScopeFixture) => Promise<void>;
export type ScopeProbes = Record<string, ScopeProbe>;

export const PROBES: ScopeProbes = {
  ...ACCESS_PROBES,
  ...RECORDS_PROBES,
  ...CUSTOMER_PROBES,
  ...ANALYTICS_PROBES,
  ...TEXT_PROBES,
  ...THEME_PROBES,
};

/**
 * Pages that serve scoped members (`requireCtx(role, "unit")`), keyed by the page's route as in the file tree without
 * route groups ("/customers/[id]", "/" for the dashboard). Every other page must answer a scoped member with the 403
 * page "This page is for the whole organization" (scope-matrix.test.ts).
 */
export const PAGE_PROBES: ScopeProbes = {
  ...ACCESS_PAGE_PROBES,
  ...RECORDS_PAGE_PROBES,
  ...CUSTOMER_PAGE_PROBES,
  ...ANALYTICS_PAGE_PROBES,
};

/**
 * Server actions that serve scoped members, keyed "app/_actions/cases.ts#resolveCaseAction". Every other action of
 * tests/integration/action-table.ts must fail for a scoped member with the organization-wide message.
 */
export const ACTION_PROBES: ScopeProbes = {
  ...RECORDS_ACTION_PROBES,
  ...CUSTOMER_ACTION_PROBES,
};
