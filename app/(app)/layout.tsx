import type { ReactNode } from "react";
import { requireCtx } from "@/lib/auth/action";
import { isDemoOrganization, listMyOrganizations } from "@/lib/orgs/service";
import { getUserProfile } from "@/lib/users/service";
import { AppFrame } from "@/components/shell/app-frame";
import { Brand, Sidebar } from "@/components/shell/sidebar";
import { CustomerQuickSearch } from "@/components/shell/customer-quick-search";
import { hasRole } from "@/lib/auth/roles";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCtx("viewer", "unit");
  const [t, user, orgs, demo] = await Promise.all([
    getTranslations("nav"),
    getUserProfile(ctx.userId),
    listMyOrganizations(ctx.userId),
    isDemoOrganization(ctx.orgId),
  ]);
  return (
    <ClientMessages keys={["customers.combobox"]}>
      <AppFrame
        brand={<Brand />}
        search={<CustomerQuickSearch canCreate={hasRole(ctx.role, "agent")} />}
        sidebar={
          <Sidebar
            orgs={orgs}
            currentOrgId={ctx.orgId}
            user={{ name: user?.name ?? "", email: user?.email ?? "" }}
            role={ctx.role}
            scopeName={ctx.scope?.unitName ?? null}
          />
        }
      >
        {demo ? (
          <p
            role="note"
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold tracking-wide uppercase">
              {t("demoBadge")}
            </span>
            {t("demoNote")}
          </p>
        ) : null}
        {children}
      </AppFrame>
    </ClientMessages>
  );
}
