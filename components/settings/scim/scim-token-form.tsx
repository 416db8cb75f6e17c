"use client";
// Create a SCIM token: the token and the base URL to paste into the identity provider, shown exactly once.
import { useTranslations } from "next-intl";
import { createScimTokenAction } from "@/app/_actions/scim";
import { Input } from "../../ui/input";
import { OneTimeSecret } from "../../ui/one-time-secret";
import { SecretForm } from "../secret-form";

export function ScimTokenForm() {
  const t = useTranslations("settings.scimToken");
  return (
    <SecretForm
      action={createScimTokenAction}
      label={t("label")}
      submitLabel={t("submit")}
      fields={(fieldErrors) => (
        <Input
          id="scim-token-name"
          name="name"
          label={t("name")}
          placeholder={t("placeholder")}
          autoComplete="off"
          required
          maxLength={80}
          error={fieldErrors?.name}
          className="sm:w-72"
        />
      )}
      secret={(data) => (
        <OneTimeSecret
          id="new-scim-token"
          label={t("secretLabel", { name: data.name })}
          value={data.token}
          what="token"
        >
          {t.rich("paste", {
            url: data.baseUrl,
            code: (chunks) => <code className="font-mono break-all">{chunks}</code>,
          })}
        </OneTimeSecret>
      )}
    />
  );
}
