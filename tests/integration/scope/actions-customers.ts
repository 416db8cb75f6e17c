// Server-action probes of the customers area (docs/hierarchy.md, "Customers in a scope"): adding a customer as a
// unit-scoped member puts them in the member's unit (another unit: refused next to the field, nothing added); the home
// unit and consent change only for a customer the member may see, and the home unit only within their units.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { callServerAction } from "../server-actions";
import type { ScopeProbes } from "./probes";

const CREATE = { file: "app/_actions/customers.ts", name: "createCustomerAction" } as const;
const HOME = { file: "app/_actions/customers.ts", name: "setHomeUnitAction" } as const;
const CONSENT = { file: "app/_actions/privacy.ts", name: "setConsentAction" } as const;

export const CUSTOMER_ACTION_PROBES: ScopeProbes = {
  "app/_actions/customers.ts#createCustomerAction": async (f) => {
    const cookie = f.callers.s1Agent.cookie;
    const email = `action-s1-${Date.now()}@example.test`;
    try {
      const added = await callServerAction(CREATE, { cookie, form: { name: "Added by action", email } });
      expect(added.text).toContain('"ok":true');
      const row = await db.customer.findFirstOrThrow({ where: { orgId: f.orgId, email } });
      expect(row.unitId).toBe(f.units.S1);
      const before = await db.customer.count({ where: { orgId: f.orgId } });
      for (const unitId of [f.units.S2, ""]) {
        const refused = await callServerAction(CREATE, {
          cookie,
          form: { name: "Elsewhere by action", email: `elsewhere-${Date.now()}@example.test`, unitId },
        });
        expect(refused.text).toContain('"ok":false');
        expect(refused.text).toMatch(/"fieldErrors":\{"unitId":/);
      }
      expect(await db.customer.count({ where: { orgId: f.orgId } })).toBe(before);
    } finally {
      await db.customer.deleteMany({ where: { orgId: f.orgId, email } });
    }
  },

  "app/_actions/customers.ts#setHomeUnitAction": async (f) => {
    const cookie = f.callers.s1Agent.cookie;
    const own = f.rows.S1.customerId;
    const kept = await callServerAction({ ...HOME, bound: [own] }, { cookie, form: { unitId: f.units.S1 } });
    expect(kept.text).toContain('"ok":true');
    const outside = await callServerAction({ ...HOME, bound: [own] }, { cookie, form: { unitId: f.units.S2 } });
    expect(outside.text).toMatch(/"fieldErrors":\{"unitId":"Choose one of your units"/);
    expect((await db.customer.findUniqueOrThrow({ where: { id: own } })).unitId).toBe(f.units.S1);
    for (const store of ["S2", "S3", "none"] as const) {
      const id = f.rows[store].customerId;
      const r = await callServerAction({ ...HOME, bound: [id] }, { cookie, form: { unitId: f.units.S1 } });
      expect(r.text).toContain("Customer not found");
      expect((await db.customer.findUniqueOrThrow({ where: { id } })).unitId).toBe(f.rows[store].unitId);
    }
  },

  "app/_actions/privacy.ts#setConsentAction": async (f) => {
    const cookie = f.callers.s1Agent.cookie;
    const own = f.rows.S1.customerId;
    try {
      const r = await callServerAction({ ...CONSENT, bound: [own] }, { cookie, form: { consent: "yes" } });
      expect(r.text).toContain('"ok":true');
      expect((await db.customer.findUniqueOrThrow({ where: { id: own } })).consent).toBe(true);
      for (const store of ["S2", "S3", "none"] as const) {
        const id = f.rows[store].customerId;
        const hidden = await callServerAction({ ...CONSENT, bound: [id] }, { cookie, form: { consent: "no" } });
        expect(hidden.text).toContain("Customer not found");
        expect((await db.customer.findUniqueOrThrow({ where: { id } })).consent).toBeNull();
      }
    } finally {
      await db.consentEvent.deleteMany({ where: { customerId: own } });
      await db.customer.update({ where: { id: own }, data: { consent: null, consentAt: null } });
    }
  },
};
