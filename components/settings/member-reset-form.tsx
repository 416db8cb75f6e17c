"use client";
// "Reset password" on a member's row: e-mails them a reset link, or — without an e-mail server — shows the
// admin a one-time link to pass on (lib/members/password-reset.ts says who qualifies).
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
  return (
    <div className="flex flex-col items-end gap-2 text-left">
      <form action={dispatch} onSubmit={onSubmit} aria-label={`Reset the password of ${name}`}>
        <SubmitButton
          pending={pending}
          pendingLabel={mailConfigured ? "Sending…" : "Creating link…"}
          variant="secondary"
          size="sm"
        >
          {mailConfigured ? "E-mail reset link" : "Reset link"}
          <span className="sr-only"> for {name}</span>
        </SubmitButton>
      </form>
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        state.data.url ? (
          <div className="w-full max-w-md">
            <OneTimeSecret id={`reset-link-${membershipId}`} label="Password reset link" value={state.data.url}>
              <p>
                No e-mail server is configured: pass this link on to <strong>{state.data.email}</strong> in person or by
                a channel you trust. Whoever opens it can set the password. It works once, for one hour, and is shown
                only now; two-factor authentication still applies.
              </p>
            </OneTimeSecret>
          </div>
        ) : (
          <FormMessage tone="success">
            Reset link e-mailed to <strong>{state.data.email}</strong>; it works once, for one hour.
          </FormMessage>
        )
      ) : null}
    </div>
  );
}
