"use client";
// Create a SCIM token: the token and the base URL to paste into the identity provider, shown exactly once.
import { createScimTokenAction } from "@/app/_actions/scim";
import { Input } from "../../ui/input";
import { OneTimeSecret } from "../../ui/one-time-secret";
import { SecretForm } from "../secret-form";

export function ScimTokenForm() {
  return (
    <SecretForm
      action={createScimTokenAction}
      label="Create a SCIM token"
      submitLabel="Create SCIM token"
      fields={(fieldErrors) => (
        <Input
          id="scim-token-name"
          name="name"
          label="Token name"
          placeholder="e.g. Okta"
          autoComplete="off"
          required
          maxLength={80}
          error={fieldErrors?.name}
          className="sm:w-72"
        />
      )}
      secret={(data) => (
        <OneTimeSecret id="new-scim-token" label={`SCIM token “${data.name}”`} value={data.token} what="token">
          In your identity provider, set the SCIM base URL (tenant URL) to{" "}
          <code className="font-mono break-all">{data.baseUrl}</code> and paste the token as its bearer token (secret
          token).
        </OneTimeSecret>
      )}
    />
  );
}
