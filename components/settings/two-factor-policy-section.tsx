"use client";
// Admins: require two-factor authentication of every member of this organization.
import Link from "next/link";
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
  const next = requireTwoFactor ? "off" : "on";
  return (
    <Section
      id="two-factor-policy"
      title="Two-factor authentication"
      description="When required, members can open this organization only after signing in with a code from an authenticator app; members without one are sent to set it up first. API keys are not affected."
    >
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label="Two-factor requirement"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <p className="text-sm text-slate-800" data-testid="two-factor-policy">
          {requireTwoFactor ? <strong>Required for every member.</strong> : <strong>Optional.</strong>}{" "}
          {membersWithout === 0
            ? "Every member has two-factor on."
            : `${membersWithout} member${membersWithout === 1 ? " has" : "s have"} not turned it on yet.`}{" "}
          <Link href="/account/two-factor" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Your own two-factor settings
          </Link>
        </p>
        <input type="hidden" name="requireTwoFactor" value={next} />
        <div>
          <SubmitButton pending={pending} pendingLabel="Saving…" variant={requireTwoFactor ? "danger" : "primary"}>
            {requireTwoFactor ? "Stop requiring two-factor" : "Require two-factor for everyone"}
          </SubmitButton>
        </div>
        {message ? <FormMessage tone="error">{fieldErrors?.requireTwoFactor ?? message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">Saved.</FormMessage> : null}
      </form>
    </Section>
  );
}
