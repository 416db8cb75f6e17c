// The four roles and what each may do. Higher roles include everything the lower ones may do:
// viewer reads; agent also logs interactions and works cases; manager also edits journeys and surveys;
// admin also manages members, invites and API keys.
import { z } from "zod";

export const ROLES = ["viewer", "agent", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const rank: Record<Role, number> = { viewer: 0, agent: 1, manager: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

/** The lower of two roles: what an API key may do is the lower of its own role and its creator's current one. */
export function lowerRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, { label: string; description: string }> = {
  viewer: { label: "Viewer", description: "Reads dashboards, customers, journeys and reports" },
  agent: { label: "Agent", description: "Also logs interactions and works follow-up cases" },
  manager: { label: "Manager", description: "Also edits journeys, touchpoints and surveys" },
  admin: { label: "Admin", description: "Also manages members, invites and API keys" },
};
