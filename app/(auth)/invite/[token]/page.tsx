import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { findOpenInvite } from "@/lib/members/service";
import { sessionUserId } from "@/lib/auth/ctx";
import { isRole } from "@/lib/auth/roles";
import { getUserProfile, normalizeEmail } from "@/lib/users/service";
import { acceptInviteAsMember, createAccountAndAccept } from "@/app/_actions/invites";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthNotice } from "@/components/auth/auth-notice";
import { NewAccountForm } from "@/components/auth/new-account-form";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("auth.invite");
  return { title: t("metaTitle") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 200 ? await findOpenInvite(token) : null;
  const [t, tc] = await Promise.all([getTranslations("auth.invite"), getTranslations("common.roles")]);
  if (!invite) {
    return (
      <AuthNotice title={t("invalidTitle")} href="/login" linkLabel={t("toSignIn")}>
        {t("invalidBody")}
      </AuthNotice>
    );
  }

  const role = isRole(invite.role) ? tc(`${invite.role}.label`) : invite.role;
  const path = `/invite/${token}`;
  const b = (chunks: React.ReactNode) => <strong className="text-slate-900">{chunks}</strong>;
  const description = invite.unitName
    ? t.rich("invitedUnit", { org: invite.org.name, role, unit: invite.unitName, b })
    : t.rich("invited", { org: invite.org.name, role, b });
  const userId = await sessionUserId();
  const me = userId ? await getUserProfile(userId) : null;

  if (me && normalizeEmail(me.email) === invite.email) {
    return (
      <AuthCard title={t("join", { org: invite.org.name })} description={description}>
        <ActionForm
          action={acceptInviteAsMember.bind(null, token)}
          submitLabel={t("joinAs", { org: invite.org.name, role })}
          pendingLabel={t("joining")}
          variant="primary"
          size="md"
        />
      </AuthCard>
    );
  }

  if (me) {
    return (
      <AuthCard title={t("otherPersonTitle")} description={description}>
        <p className="text-sm text-slate-700">
          {t.rich("otherPerson", {
            me: me.email,
            invited: invite.email,
            b: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <div className="mt-6">
          <SignOutButton callbackUrl={path} variant="secondary" />
        </div>
      </AuthCard>
    );
  }

  // Not signed in: the same page whether or not the address has an account (nothing here may tell).
  return (
    <AuthCard title={t("join", { org: invite.org.name })} description={description}>
      <p className="text-sm text-slate-700">
        {t.rich("haveAccount", { email: invite.email, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <p className="mt-3">
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(path)}`}
          className={buttonClass("primary", "md", "w-full")}
        >
          {t("signInToAccept")}
        </Link>
      </p>
      <h2 className="mt-8 mb-3 border-t border-slate-200 pt-6 text-base font-semibold text-slate-900">
        {t("newHere")}
      </h2>
      <ClientMessages keys={["auth.newAccount", "auth.signIn", "auth.password"]}>
        <NewAccountForm email={invite.email} action={createAccountAndAccept.bind(null, token)} callbackUrl={path} />
      </ClientMessages>
    </AuthCard>
  );
}
