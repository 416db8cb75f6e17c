"use client";
// The unit tree of Settings → Units (docs/hierarchy.md): one row per unit, indented by depth. An admin opens one unit
// at a time to rename, move, archive or restore it or add a unit below it; its forms (and the list of possible new
// parents) are rendered only for the open unit, so a tree of hundreds of units stays one small page.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ArchiveUnitForm, CreateUnitForm, MoveUnitForm, RenameUnitForm, type UnitOption } from "./unit-forms";

export type TreeUnit = {
  id: string;
  code: string;
  name: string;
  kind: string | null;
  parentId: string | null;
  depth: number;
  ancestorIds: string[];
  archived: boolean;
};

export function UnitTree({ units, isAdmin }: { units: TreeUnit[]; isAdmin: boolean }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const t = useTranslations("settings.units");
  const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <ul aria-label={t("list")} className="rounded-lg border border-slate-200 bg-white px-3">
      {units.map((unit) => {
        const open = openId === unit.id;
        // A unit cannot move under itself or its own units; archived units take no children.
        const parents: UnitOption[] = open
          ? units
              .filter((p) => !p.archived && p.id !== unit.id && !p.ancestorIds.includes(unit.id))
              .map((p) => ({ id: p.id, label: t("parentLabel", { name: p.name, code: p.code }), depth: p.depth }))
          : [];
        return (
          <li
            key={unit.id}
            className="border-b border-slate-200 last:border-b-0"
            style={{ paddingLeft: `${Math.min(unit.depth, 6)}rem` }}
          >
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2">
              <span className={`font-medium ${unit.archived ? "text-slate-500 line-through" : "text-slate-900"}`}>
                {unit.name}
              </span>
              <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{unit.code}</code>
              {unit.kind ? <Badge>{unit.kind}</Badge> : null}
              {unit.archived ? <Badge tone="warn">{t("archived")}</Badge> : null}
              {isAdmin ? (
                <button
                  type="button"
                  className="ml-auto min-h-9 rounded-md px-2 text-sm font-medium text-brand-700 underline hover:bg-slate-100"
                  aria-expanded={open}
                  aria-controls={`unit-edit-${unit.id}`}
                  onClick={() => setOpenId(open ? null : unit.id)}
                >
                  {open ? t.rich("close", { name: unit.name, sr }) : t.rich("edit", { name: unit.name, sr })}
                </button>
              ) : null}
            </div>
            {open ? (
              <div
                id={`unit-edit-${unit.id}`}
                className="mb-2 flex flex-col gap-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-3"
              >
                <RenameUnitForm unit={unit} />
                {unit.archived ? null : <MoveUnitForm unit={unit} parents={parents} />}
                {unit.archived ? null : <CreateUnitForm parents={[]} parentId={unit.id} compact />}
                <ArchiveUnitForm unit={unit} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
