import Link from "next/link";
import { setupOpen } from "@/lib/setup/service";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up Resonance" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await setupOpen())) {
    return (
      <AuthCard title="Resonance is set up">
        <p className="text-sm text-slate-700">
          This installation already has its first admin. Sign in, or ask an admin of your organization for an invite.
        </p>
        <p className="mt-6">
          <Link href="/login" className={buttonClass("primary")}>
            Go to sign in
          </Link>
        </p>
      </AuthCard>
    );
  }
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token.slice(0, 200) : "";
  return (
    <AuthCard
      title="Set up Resonance"
      description="Create the first admin account and your organization. This page works once, until the first account exists."
    >
      <SetupForm token={token} />
    </AuthCard>
  );
}
