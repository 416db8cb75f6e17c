import Link from "next/link";
import { Network } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listUnits } from "@/lib/units/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { CreateUnitForm, ImportUnitsForm } from "@/components/units/unit-forms";
import { UnitTree } from "@/components/units/unit-tree";
import { BackfillPanel } from "@/components/units/backfill-panel";
import { unattributedRows, unitBackfillStatus } from "@/lib/units/backfill-service";

export const dynamic = "force-dynamic";
export const metadata = { title: "Units" };

export default async function UnitsPage() {
  const ctx = await requireCtx();
  const isAdmin = hasRole(ctx.role, "admin");
  const units = await listUnits(ctx);
  const [backfill, unattributed] =
    isAdmin && units.length > 0 ? await Promise.all([unitBackfillStatus(ctx), unattributedRows(ctx)]) : [null, 0];
  const parents = units
    .filter((u) => !u.archived)
    .map((u) => ({ id: u.id, label: `${u.name} (${u.code})`, depth: u.depth }));
  const tree = units.map(({ id, code, name, kind, parentId, depth, ancestorIds, archived }) => ({
    id,
    code,
    name,
    kind,
    parentId,
    depth,
    ancestorIds,
    archived,
  }));

  return (
    <>
      <PageHeader
        title="Units"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · The organization&apos;s hierarchy: regions, areas, stores and teams. Responses, interactions and cases
            belong to a unit, and reports roll up along this tree.
          </>
        }
        actions={
          <a href="/api/v1/units/export" className={buttonClass("secondary")} download>
            Export CSV
          </a>
        }
      />
      <Section
        title="Tree"
        description={isAdmin ? "Open a unit to rename, move, archive it or add a unit below it." : undefined}
      >
        {units.length === 0 ? (
          <EmptyState title="No units yet" icon={<Network size={28} />}>
            {isAdmin
              ? "Add the first level below — regions, say — or import the whole tree from a CSV file."
              : "An admin builds the organization's hierarchy here."}
          </EmptyState>
        ) : (
          <UnitTree units={tree} isAdmin={isAdmin} />
        )}
      </Section>
      {isAdmin ? (
        <>
          {units.length > 0 ? (
            <Section title="Attribute history">
              <BackfillPanel
                initial={backfill ? JSON.parse(JSON.stringify(backfill)) : null}
                unattributed={unattributed}
              />
            </Section>
          ) : null}
          <Section title="Add a unit">
            <CreateUnitForm parents={parents} />
          </Section>
          <Section
            title="Import"
            description="One row per unit. A known code updates that unit; a new code adds one. Nothing is saved unless every row is good."
          >
            <ImportUnitsForm />
          </Section>
        </>
      ) : null}
    </>
  );
}
