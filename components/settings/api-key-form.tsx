"use client";
// Create an API key: the full key is shown exactly once.
import { useTranslations } from "next-intl";
import { createApiKeyAction } from "@/app/_actions/settings";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { OneTimeSecret } from "../ui/one-time-secret";
import { useRoleOptions } from "./role-options";
import type { UnitChoice } from "./scope-options";
import { ScopeSelect } from "./scope-select";
import { SecretForm } from "./secret-form";

/** `units`: the active units, once the organization has some; a key limited to one sees its subtree only. */
export function ApiKeyForm({ units = [] }: { units?: UnitChoice[] }) {
  const t = useTranslations("settings.apiKeys");
  const roleOptions = useRoleOptions();
  return (
    <SecretForm
      action={createApiKeyAction}
      label={t("formLabel")}
      submitLabel={t("submit")}
      fields={(fieldErrors) => (
        <>
          <Input
            id="key-name"
            name="name"
            label={t("name")}
            placeholder={t("placeholder")}
            autoComplete="off"
            required
            maxLength={80}
            error={fieldErrors?.name}
            className="sm:w-72"
          />
          <Select
            id="key-role"
            name="role"
            label={t("role")}
            defaultValue="agent"
            options={roleOptions}
            error={fieldErrors?.role}
            className="sm:w-40"
          />
          <ScopeSelect id="key-unit" units={units} error={fieldErrors?.unitId} />
        </>
      )}
      secret={(data) => (
        <OneTimeSecret id="new-api-key" label={t("secretLabel", { name: data.name })} value={data.key} what="key">
          {t.rich("store", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
        </OneTimeSecret>
      )}
    />
  );
}
