"use client";
// Invite by e-mail + role (+ scope, once the organization has units). With an SMTP server the link goes to the address and the admin never sees it;
// without one the link is shown once (only its hash is stored) for the admin to pass on.
import { createInviteAction } from "@/app/_actions/settings";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { OneTimeSecret } from "../ui/one-time-secret";
import { ROLE_OPTIONS } from "./role-options";
import type { UnitChoice } from "./scope-options";
import { ScopeSelect } from "./scope-select";
import { SecretForm } from "./secret-form";

export function InviteForm({ mailConfigured, units = [] }: { mailConfigured: boolean; units?: UnitChoice[] }) {
  return (
    <SecretForm
      action={createInviteAction}
      label="Invite a member"
      submitLabel={mailConfigured ? "Send invite" : "Create invite link"}
      pendingLabel={mailConfigured ? "Sending…" : "Creating link…"}
      fields={(fieldErrors) => (
        <>
          <Input
            id="invite-email"
            name="email"
            type="email"
            label="E-mail"
            autoComplete="off"
            required
            error={fieldErrors?.email}
            className="sm:w-72"
          />
          <Select
            id="invite-role"
            name="role"
            label="Role"
            defaultValue="agent"
            options={ROLE_OPTIONS}
            error={fieldErrors?.role}
            className="sm:w-40"
          />
          <ScopeSelect id="invite-unit" units={units} error={fieldErrors?.unitId} />
        </>
      )}
      secret={(invite) =>
        invite.url ? (
          <OneTimeSecret id="invite-link" label="Invite link" value={invite.url}>
            <p>
              No e-mail server is configured: pass this link on to <strong>{invite.email}</strong> yourself; anyone who
              opens it can accept. It works once, expires in 7 days and is shown only now.
            </p>
          </OneTimeSecret>
        ) : (
          <FormMessage tone="success">
            Invite e-mailed to <strong>{invite.email}</strong>. The link in it works once and expires in 7 days.
          </FormMessage>
        )
      }
    />
  );
}
