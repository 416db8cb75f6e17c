"use client";
// "Reset password" on a member's row: e-mails them a reset link, or — without an e-mail server — shows the
// admin a one-time link to pass on (lib/members/password-reset.ts says who qualifies).
import { useTranslations } from "next-intl";
import { memberPasswordResetAction } from "@/app/_actions/settings";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { OneTimeSecret } from "../ui/one-time-secret";

export function MemberResetForm({
  membershipId,
  name,
  mailConfigured,
}: {
  membershipId: string;
  name: string;
  mailConfigured: boolean;
}) {
  const { state, dispatch, onSubmit, pending, message } = useActionForm(
    memberPasswordResetAction.bind(null, membershipId),
  );
  const t = useTranslations("settings.memberReset");
  const b = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <div className="flex flex-col items-end gap-2 text-left">
      <form action={dispatch} onSubmit={onSubmit} aria-label={t("formLabel", { name })}>
        <SubmitButton
          pending={pending}
          pendingLabel={mailConfigured ? t("sending") : t("creatingLink")}
          variant="secondary"
          size="sm"
        >
          {mailConfigured ? t.rich("email", { name, sr }) : t.rich("link", { name, sr })}
        </SubmitButton>
      </form>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        state.data.url ? (
          <div className="w-full max-w-md">
            <OneTimeSecret id={`reset-link-${membershipId}`} label={t("linkLabel")} value={state.data.url}>
              <p>{t.rich("noMail", { email: state.data.email, b })}</p>
            </OneTimeSecret>
          </div>
        ) : (
          <FormMessage tone="success">{t.rich("mailed", { email: state.data.email, b })}</FormMessage>
        )
      ) : null}
    </div>
  );
}
