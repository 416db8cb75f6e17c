import type { ReactNode } from "react";
import { requireCtx } from "@/lib/auth/action";
import { listMyOrganizations } from "@/lib/orgs/service";
import { getUserProfile } from "@/lib/users/service";
import { AppFrame } from "@/components/shell/app-frame";
import { Brand, Sidebar } from "@/components/shell/sidebar";
import { CustomerQuickSearch } from "@/components/shell/customer-quick-search";
import { hasRole } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requireCtx();
  const [user, orgs] = await Promise.all([getUserProfile(ctx.userId), listMyOrganizations(ctx.userId)]);
  return (
    <AppFrame
      brand={<Brand />}
      search={<CustomerQuickSearch canCreate={hasRole(ctx.role, "agent")} />}
      sidebar={<Sidebar orgs={orgs} currentOrgId={ctx.orgId} user={{ name: user?.name ?? "", email: user?.email ?? "" }} role={ctx.role} />}
    >
      {children}
    </AppFrame>
  );
}
