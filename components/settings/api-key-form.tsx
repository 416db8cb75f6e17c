"use client";
// Create an API key: the full key is shown exactly once.
import { createApiKeyAction } from "@/app/_actions/settings";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { OneTimeSecret } from "../ui/one-time-secret";
import { ROLE_OPTIONS } from "./role-options";
import type { UnitChoice } from "./scope-options";
import { ScopeSelect } from "./scope-select";
import { SecretForm } from "./secret-form";

/** `units`: the active units, once the organization has some; a key limited to one sees its subtree only. */
export function ApiKeyForm({ units = [] }: { units?: UnitChoice[] }) {
  return (
    <SecretForm
      action={createApiKeyAction}
      label="Create an API key"
      submitLabel="Create API key"
      fields={(fieldErrors) => (
        <>
          <Input
            id="key-name"
            name="name"
            label="Key name"
            placeholder="e.g. CRM sync"
            autoComplete="off"
            required
            maxLength={80}
            error={fieldErrors?.name}
            className="sm:w-72"
          />
          <Select
            id="key-role"
            name="role"
            label="Role"
            defaultValue="agent"
            options={ROLE_OPTIONS}
            error={fieldErrors?.role}
            className="sm:w-40"
          />
          <ScopeSelect id="key-unit" units={units} error={fieldErrors?.unitId} />
        </>
      )}
      secret={(data) => (
        <OneTimeSecret id="new-api-key" label={`API key “${data.name}”`} value={data.key} what="key">
          Store it in your integration&apos;s secret store and send it as{" "}
          <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>.
        </OneTimeSecret>
      )}
    />
  );
}
