"use client";
// Invite by e-mail + role. With an SMTP server the link goes to the address and the admin never sees it;
// without one the link is shown once (only its hash is stored) for the admin to pass on.
import { useEffect, useRef } from "react";
import { createInviteAction } from "@/app/_actions/settings";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { OneTimeSecret } from "./one-time-secret";
import { ROLE_OPTIONS } from "./role-options";

export function InviteForm({ mailConfigured }: { mailConfigured: boolean }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createInviteAction);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <div className="flex flex-col gap-3">
      <form ref={formRef} action={dispatch} onSubmit={onSubmit} aria-label="Invite a member" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
        <Input id="invite-email" name="email" type="email" label="E-mail" autoComplete="off" required error={fieldErrors?.email} className="sm:w-72" />
        <Select id="invite-role" name="role" label="Role" defaultValue="agent" options={ROLE_OPTIONS} error={fieldErrors?.role} className="sm:w-40" />
        <div className="sm:pt-6">
          <SubmitButton pending={pending} pendingLabel={mailConfigured ? "Sending…" : "Creating link…"}>
            {mailConfigured ? "Send invite" : "Create invite link"}
          </SubmitButton>
        </div>
      </form>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok && state.data.sent ? (
        <FormMessage tone="success">
          Invite e-mailed to <strong>{state.data.email}</strong>. The link in it works once and expires in 7 days.
        </FormMessage>
      ) : null}
      {state?.ok && state.data.url ? (
        <OneTimeSecret id="invite-link" label="Invite link" value={state.data.url}>
          <p>
            No e-mail server is configured: pass this link on to <strong>{state.data.email}</strong> yourself; anyone who opens it can accept. It
            works once, expires in 7 days and is shown only now.
          </p>
        </OneTimeSecret>
      ) : null}
    </div>
  );
}
