"use client";
// Admins: require two-factor authentication of every member of this organization.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { setRequireTwoFactorAction } from "@/app/_actions/two-factor";
import { Section } from "../ui/page-header";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

export function TwoFactorPolicySection({
  requireTwoFactor,
  membersWithout,
}: {
  requireTwoFactor: boolean;
  membersWithout: number;
}) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(setRequireTwoFactorAction);
  const t = useTranslations("settings");
  const c = useTranslations("common");
  const next = requireTwoFactor ? "off" : "on";
  return (
    <Section id="two-factor-policy" title={t("nav.twoFactor")} description={t("twoFactorPolicy.description")}>
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={t("twoFactorPolicy.formLabel")}
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <p className="text-sm text-slate-800" data-testid="two-factor-policy">
          <strong>{requireTwoFactor ? t("twoFactorPolicy.required") : t("twoFactorPolicy.optional")}</strong>{" "}
          {t("twoFactorPolicy.membersWithout", { count: membersWithout })}{" "}
          <Link href="/account/two-factor" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("twoFactorPolicy.ownSettings")}
          </Link>
        </p>
        <input type="hidden" name="requireTwoFactor" value={next} />
        <div>
          <SubmitButton pending={pending} pendingLabel={c("saving")} variant={requireTwoFactor ? "danger" : "primary"}>
            {requireTwoFactor ? t("twoFactorPolicy.stop") : t("twoFactorPolicy.require")}
          </SubmitButton>
        </div>
        {message ? <FormMessage tone="error">{fieldErrors?.requireTwoFactor ?? message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">{t("twoFactorPolicy.saved")}</FormMessage> : null}
      </form>
    </Section>
  );
}
