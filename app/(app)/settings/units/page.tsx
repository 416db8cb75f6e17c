import Link from "next/link";
import { Network } from "lucide-react";
import { getTranslations } from "next-intl/server";
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
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings.units");
  return { title: t("title") };
}

export default async function UnitsPage() {
  const ctx = await requireCtx();
  const t = await getTranslations("settings");
  const isAdmin = hasRole(ctx.role, "admin");
  const units = await listUnits(ctx);
  const [backfill, unattributed] =
    isAdmin && units.length > 0 ? await Promise.all([unitBackfillStatus(ctx), unattributedRows(ctx)]) : [null, 0];
  const parents = units
    .filter((u) => !u.archived)
    .map((u) => ({ id: u.id, label: t("units.parentLabel", { name: u.name, code: u.code }), depth: u.depth }));
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
    <ClientMessages keys={["settings.units", "settings.jobProgress", "errors.service"]}>
      <PageHeader
        title={t("units.title")}
        description={
          <>
            <Link href="/settings" className="underline">
              {t("title")}
            </Link>{" "}
            · {t("units.intro")}
          </>
        }
        actions={
          <a href="/api/v1/units/export" className={buttonClass("secondary")} download>
            {t("units.export")}
          </a>
        }
      />
      <Section id="tree" title={t("units.tree")} description={isAdmin ? t("units.treeHint") : undefined}>
        {units.length === 0 ? (
          <EmptyState title={t("units.emptyTitle")} icon={<Network size={28} />}>
            {isAdmin ? t("units.emptyAdmin") : t("units.emptyMember")}
          </EmptyState>
        ) : (
          <UnitTree units={tree} isAdmin={isAdmin} />
        )}
      </Section>
      {isAdmin ? (
        <>
          {units.length > 0 ? (
            <Section id="attribute-history" title={t("units.history")}>
              <BackfillPanel
                initial={backfill ? JSON.parse(JSON.stringify(backfill)) : null}
                unattributed={unattributed}
              />
            </Section>
          ) : null}
          <Section id="add-a-unit" title={t("units.add")}>
            <CreateUnitForm parents={parents} />
          </Section>
          <Section id="import" title={t("units.import")} description={t("units.importDescription")}>
            <ImportUnitsForm />
          </Section>
        </>
      ) : null}
    </ClientMessages>
  );
}
