"use client";
// Invite by e-mail + role (+ scope, once the organization has units). With an SMTP server the link goes to the address and the admin never sees it;
// without one the link is shown once (only its hash is stored) for the admin to pass on.
import { useTranslations } from "next-intl";
import { createInviteAction } from "@/app/_actions/settings";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { OneTimeSecret } from "../ui/one-time-secret";
import { useRoleOptions } from "./role-options";
import type { UnitChoice } from "./scope-options";
import { ScopeSelect } from "./scope-select";
import { SecretForm } from "./secret-form";

export function InviteForm({ mailConfigured, units = [] }: { mailConfigured: boolean; units?: UnitChoice[] }) {
  const t = useTranslations("settings.inviteForm");
  const roleOptions = useRoleOptions();
  const b = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <SecretForm
      action={createInviteAction}
      label={t("label")}
      submitLabel={mailConfigured ? t("send") : t("createLink")}
      pendingLabel={mailConfigured ? t("sending") : t("creatingLink")}
      fields={(fieldErrors) => (
        <>
          <Input
            id="invite-email"
            name="email"
            type="email"
            label={t("email")}
            autoComplete="off"
            required
            error={fieldErrors?.email}
            className="sm:w-72"
          />
          <Select
            id="invite-role"
            name="role"
            label={t("role")}
            defaultValue="agent"
            options={roleOptions}
            error={fieldErrors?.role}
            className="sm:w-40"
          />
          <ScopeSelect id="invite-unit" units={units} error={fieldErrors?.unitId} />
        </>
      )}
      secret={(invite) =>
        invite.url ? (
          <OneTimeSecret id="invite-link" label={t("link")} value={invite.url}>
            <p>{t.rich("noMail", { email: invite.email, b })}</p>
          </OneTimeSecret>
        ) : (
          <FormMessage tone="success">{t.rich("mailed", { email: invite.email, b })}</FormMessage>
        )
      }
    />
  );
}
