import { redirect } from "next/navigation";
import { requireUserId } from "@/lib/auth/action";
import { listMyOrganizations } from "@/lib/orgs/service";
import { getUserProfile } from "@/lib/users/service";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateOrgForm } from "@/components/settings/create-org-form";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Welcome" };

export default async function WelcomePage() {
  const userId = await requireUserId();
  const [orgs, me] = await Promise.all([listMyOrganizations(userId), getUserProfile(userId)]);
  if (orgs.length > 0) redirect("/");
  return (
    <AuthCard
      title={me?.name ? `Welcome, ${me.name}` : "Welcome"}
      description="You are not a member of any organization yet. Create one (you become its admin), or ask an admin of an existing organization to send you an invite link."
    >
      <h2 className="mb-3 text-base font-semibold text-slate-900">Create an organization</h2>
      <CreateOrgForm />
      <div className="mt-8 flex items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm text-slate-600">
        <span className="min-w-0 truncate">Signed in as {me?.email}</span>
        <SignOutButton variant="secondary" />
      </div>
    </AuthCard>
  );
}
