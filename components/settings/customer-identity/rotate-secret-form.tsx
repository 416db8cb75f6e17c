"use client";
// Make or rotate the customer-token signing secret: the new secret is shown exactly once.
import { rotateCustomerTokenSecretAction } from "@/app/_actions/customer-tokens";
import { Select } from "../../ui/select";
import { OneTimeSecret } from "../../ui/one-time-secret";
import { SecretForm } from "../secret-form";

const GRACE_OPTIONS = [
  { value: "168", label: "7 days" },
  { value: "24", label: "24 hours" },
  { value: "0", label: "Not at all (it leaked)" },
] as const;

export function RotateSecretForm({ hasSecret }: { hasSecret: boolean }) {
  return (
    <SecretForm
      action={rotateCustomerTokenSecretAction}
      label={hasSecret ? "Rotate the signing secret" : "Create the signing secret"}
      submitLabel={hasSecret ? "Rotate secret" : "Create secret"}
      pendingLabel={hasSecret ? "Rotating…" : "Creating…"}
      fields={(fieldErrors) =>
        hasSecret ? (
          <Select
            id="previous-valid-hours"
            name="previousValidHours"
            label="Keep the current secret valid for"
            hint="Tokens your servers and sent e-mails signed with it keep working meanwhile."
            defaultValue="168"
            options={GRACE_OPTIONS}
            error={fieldErrors?.previousValidHours}
            className="sm:w-72"
          />
        ) : null
      }
      secret={(data) => (
        <OneTimeSecret
          id="new-customer-token-secret"
          label={`Signing secret ${data.hint}`}
          value={data.secret}
          what="secret"
        >
          Store it on your server only (never in a web page) and sign customer tokens with it.
          {data.previousValidUntil
            ? ` The previous secret stays valid until ${new Date(data.previousValidUntil).toUTCString()}.`
            : null}
        </OneTimeSecret>
      )}
    />
  );
}
