import { redirect } from "next/navigation";
import { requireCtx } from "@/lib/auth/action";
import { currentSession } from "@/lib/auth/ctx";
import { getAccount, listMySessions } from "@/lib/account/service";
import { mailConfigured } from "@/lib/mail/transport";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmailChangeForm, PasswordChangeForm, ProfileForm } from "@/components/account/account-forms";
import { SessionsSection } from "@/components/account/sessions-section";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your account" };

export default async function AccountPage() {
  // The member's own account, no organization rows: every member, whatever their unit scope (docs/hierarchy.md).
  await requireCtx("viewer", "unit");
  const me = await currentSession();
  if (!me) redirect("/login");
  const [account, sessions] = await Promise.all([getAccount(me.userId), listMySessions(me)]);
  const canMail = mailConfigured();

  return (
    <>
      <PageHeader
        title="Your account"
        description="Your name, e-mail address and password, and where you are signed in."
      />
      <Section title="Profile">
        <ProfileForm name={account.name} />
      </Section>
      <Section
        title="E-mail address"
        description={
          <>
            You sign in with <strong className="text-slate-900">{account.email}</strong>{" "}
            {account.emailVerifiedAt ? <Badge tone="ok">confirmed</Badge> : <Badge>not confirmed yet</Badge>}
          </>
        }
      >
        {canMail ? (
          <EmailChangeForm current={account.email} />
        ) : (
          <p className="max-w-md text-sm text-slate-700">
            E-mail is not set up on this server, so a new address cannot be confirmed by a link. Ask an administrator to
            change it.
          </p>
        )}
      </Section>
      <Section title="Password" description="Changing it signs out every other browser where you are signed in.">
        {account.hasPassword ? (
          <PasswordChangeForm />
        ) : (
          <p className="max-w-md text-sm text-slate-700">
            Your account signs in through single sign-on and has no password here.
          </p>
        )}
      </Section>
      <Section
        title="Where you are signed in"
        description="Sign out a browser you no longer use or do not recognise. Each session also ends by itself a set time after sign-in (7 days unless your administrator changed it)."
      >
        <SessionsSection sessions={sessions} />
      </Section>
    </>
  );
}
