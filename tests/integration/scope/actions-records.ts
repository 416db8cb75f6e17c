// Server-action probes of cases (docs/hierarchy.md, "Scoped access: responses, interactions and cases"): S1's agent
// works S1's case through the list's status form and the case page's work form; a hidden case fails as not found
// and is unchanged; R1's viewer cannot work a case at all.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { callServerAction } from "../server-actions";
import type { ScopeFixture } from "./fixture";
import type { ScopeProbes } from "./probes";

const FILE = "app/_actions/cases.ts";
const state = (id: string) =>
  db.case.findUniqueOrThrow({
    where: { id },
    select: { status: true, ownerId: true, resolution: true, updatedAt: true },
  });

function caseActionProbe(name: string, form: Record<string, string>) {
  return async (f: ScopeFixture) => {
    const mine = f.rows.S1.caseId;
    await db.case.update({ where: { id: mine }, data: { status: "open" } });
    const cookie = f.callers.s1Agent.cookie;
    const ok = await callServerAction({ file: FILE, name, bound: [mine] }, { cookie, form });
    expect(ok.status).toBe(200);
    expect(ok.text).not.toContain("not found");
    expect((await state(mine)).status).toBe(form.status);
    for (const store of f.hidden("S1").stores) {
      const id = f.rows[store].caseId;
      const before = await state(id);
      const reply = await callServerAction({ file: FILE, name, bound: [id] }, { cookie, form });
      expect(reply.text).toContain("Case not found.");
      expect(await state(id)).toEqual(before);
    }
    const before = await state(mine);
    const viewer = await callServerAction(
      { file: FILE, name, bound: [mine] },
      { cookie: f.callers.r1Viewer.cookie, form },
    );
    expect(viewer.text).not.toContain("whole organization");
    expect(await state(mine)).toEqual(before);
  };
}

export const RECORDS_ACTION_PROBES: ScopeProbes = {
  [`${FILE}#updateCaseStatusAction`]: caseActionProbe("updateCaseStatusAction", { status: "in_progress" }),
  [`${FILE}#workCaseAction`]: caseActionProbe("workCaseAction", {
    status: "in_progress",
    ownerId: "",
    dueAt: "",
    rootCause: "",
    resolution: "Called them back",
  }),
};
