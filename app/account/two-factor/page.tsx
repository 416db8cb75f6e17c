// /account/two-factor: turn on TOTP (QR code, manual key, first code → recovery codes), confirm a session
// that began without a code, new recovery codes, turn it off. Outside the app frame on purpose: an
// organization that requires two-factor sends its members here before they may open anything
// (lib/auth/action.ts requireCtx), so this page needs a session but no organization.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSession } from "@/lib/auth/action";
import { beginEnrolment, getTwoFactorStatus, type TwoFactorStatus } from "@/lib/two-factor/service";
import { AuthCard } from "@/components/auth/auth-card";
import { FormMessage } from "@/components/ui/form-message";
import { Badge } from "@/components/ui/badge";
import { getFormats } from "@/lib/i18n/server";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Enrolment } from "@/components/account/enrolment";
import { DisableTwoFactorForm, RegenerateCodesForm, VerifySessionForm } from "@/components/account/two-factor-forms";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("account.twoFactor");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function RequiredNotice({ status }: { status: TwoFactorStatus }) {
  const t = await getTranslations("account.twoFactor");
  const names = status.requiredBy.map((o) => o.name).join(", ");
  return (
    <FormMessage tone="info">
      {t.rich("required", {
        names: names || t("yourOrganization"),
        enabled: String(status.enabled),
        b: (chunks) => <strong className="font-semibold">{chunks}</strong>,
      })}
    </FormMessage>
  );
}

async function Enrol({ userId, status }: { userId: string; status: TwoFactorStatus }) {
  const { pending, secretForTyping, qrDataUrl } = await beginEnrolment(userId, status.email);
  return (
    <Enrolment
      enrolment={{ pending, secretForTyping, qrDataUrl }}
      email={status.email}
      hasPassword={status.hasPassword}
    />
  );
}

async function Manage({ status }: { status: TwoFactorStatus }) {
  const [t, f] = await Promise.all([getTranslations("account.twoFactor"), getFormats()]);
  return (
    <div className="flex flex-col gap-8 text-sm text-slate-800">
      <p>
        <Badge tone="ok">{t("on")}</Badge> {t("since", { date: status.enabledAt ? f.date(status.enabledAt) : "—" })}{" "}
        <span data-testid="recovery-codes-left">{t("codesLeft", { left: status.recoveryCodesLeft })}</span>
      </p>
      <section aria-labelledby="regenerate-heading">
        <h2 id="regenerate-heading" className="font-semibold text-slate-900">
          {t("regenerateHeading")}
        </h2>
        <p className="mt-1 mb-3 text-slate-600">{t("regenerateText")}</p>
        <RegenerateCodesForm email={status.email} />
      </section>
      <section aria-labelledby="disable-heading" className="border-t border-slate-200 pt-6">
        <h2 id="disable-heading" className="font-semibold text-slate-900">
          {t("disableHeading")}
        </h2>
        <p className="mt-1 mb-3 text-slate-600">
          {t("disableText")}
          {status.requiredBy.length ? ` ${t("disableRequired")}` : ""}
        </p>
        <DisableTwoFactorForm hasPassword={status.hasPassword} />
      </section>
    </div>
  );
}

export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const [status, sp] = await Promise.all([getTwoFactorStatus(session), searchParams]);
  const blocked = status.requiredBy.length > 0 && !status.sessionVerified;
  const needsSessionCode = status.enabled && !status.sessionVerified;
  const t = await getTranslations("account.twoFactor");
  return (
    <ClientMessages keys={["account.twoFactor"]}>
      <AuthCard title={t("title")} description={t("description")}>
        <div className="flex flex-col gap-6">
          {blocked || sp.required === "1" ? <RequiredNotice status={status} /> : null}
          {!status.enabled ? (
            <Enrol userId={session.userId} status={status} />
          ) : needsSessionCode ? (
            <VerifySessionForm />
          ) : (
            <Manage status={status} />
          )}
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 text-sm text-slate-600">
            <span className="min-w-0 truncate">{t("signedInAs", { email: status.email })}</span>
            <span className="flex items-center gap-2">
              {blocked ? null : (
                <Link href="/settings" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {t("back")}
                </Link>
              )}
              <SignOutButton variant="secondary" />
            </span>
          </div>
        </div>
      </AuthCard>
    </ClientMessages>
  );
}
