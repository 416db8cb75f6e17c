import Link from "next/link";
import { Network } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listUnits, type UnitDto } from "@/lib/units/service";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import {
  ArchiveUnitForm,
  CreateUnitForm,
  ImportUnitsForm,
  MoveUnitForm,
  RenameUnitForm,
  type UnitOption,
} from "@/components/units/unit-forms";

export const dynamic = "force-dynamic";
export const metadata = { title: "Units" };

function UnitRow({ unit, isAdmin, parents }: { unit: UnitDto; isAdmin: boolean; parents: UnitOption[] }) {
  // A unit cannot move under itself or its own units; archived units take no children.
  const moveTargets = parents.filter((p) => p.id !== unit.id && !p.ancestorIds.includes(unit.id));
  return (
    <li
      className="border-b border-slate-200 last:border-b-0"
      style={{ paddingLeft: `${Math.min(unit.depth, 6)}rem` }}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2">
        <span className={`font-medium ${unit.archived ? "text-slate-500 line-through" : "text-slate-900"}`}>
          {unit.name}
        </span>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{unit.code}</code>
        {unit.kind ? <Badge>{unit.kind}</Badge> : null}
        {unit.archived ? <Badge tone="warn">archived</Badge> : null}
      </div>
      {isAdmin ? (
        <details className="mb-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit {unit.name}</summary>
          <div className="mt-3 flex flex-col gap-4">
            <RenameUnitForm unit={unit} />
            {unit.archived ? null : <MoveUnitForm unit={unit} parents={moveTargets} />}
            {unit.archived ? null : <CreateUnitForm parents={[]} parentId={unit.id} compact />}
            <ArchiveUnitForm unit={unit} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

export default async function UnitsPage() {
  const ctx = await requireCtx();
  const isAdmin = hasRole(ctx.role, "admin");
  const units = await listUnits(ctx);
  const parents = units
    .filter((u) => !u.archived)
    .map((u) => ({ id: u.id, label: `${u.name} (${u.code})`, depth: u.depth, ancestorIds: u.ancestorIds }));

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
          <ul aria-label="Units" className="rounded-lg border border-slate-200 bg-white px-3">
            {units.map((u) => (
              <UnitRow key={u.id} unit={u} isAdmin={isAdmin} parents={parents} />
            ))}
          </ul>
        )}
      </Section>
      {isAdmin ? (
        <>
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
