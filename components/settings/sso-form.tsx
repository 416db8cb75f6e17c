"use client";
// The organization's OpenID Connect connection. The client secret is write-only: once stored, the field is
// empty and leaving it empty keeps the stored one.
import { useTranslations } from "next-intl";
import { saveSsoConnectionAction } from "@/app/_actions/sso";
import type { SsoConnectionDto } from "@/lib/sso/service";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { useRoleOptions } from "./role-options";

function Check({
  id,
  name,
  label,
  hint,
  defaultChecked,
  error,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  defaultChecked: boolean;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium text-slate-800">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          className="mt-0.5 size-4 accent-brand-600"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <span>{label}</span>
      </label>
      <p id={`${id}-hint`} className="pl-6 text-xs text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="pl-6 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SsoForm({ connection }: { connection: SsoConnectionDto | null }) {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(saveSsoConnectionAction);
  const c = connection;
  const t = useTranslations("settings.ssoForm");
  const roleOptions = useRoleOptions();
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      aria-label={t("label")}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <Input
        id="sso-issuer"
        name="issuer"
        type="url"
        label={t("issuer")}
        placeholder={t("issuerPlaceholder")}
        autoComplete="off"
        required
        maxLength={500}
        defaultValue={c?.issuer}
        error={fieldErrors?.issuer}
        hint={t("issuerHint")}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Input
          id="sso-client-id"
          name="clientId"
          label={t("clientId")}
          autoComplete="off"
          required
          maxLength={300}
          defaultValue={c?.clientId}
          error={fieldErrors?.clientId}
        />
        <Input
          id="sso-client-secret"
          name="clientSecret"
          type="password"
          label={t("clientSecret")}
          autoComplete="new-password"
          maxLength={2000}
          placeholder={c ? t("stored") : undefined}
          error={fieldErrors?.clientSecret}
          hint={c ? t("secretHintStored") : t("secretHint")}
        />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Input
          id="sso-domains"
          name="allowedDomains"
          label={t("domains")}
          placeholder={t("domainsPlaceholder")}
          autoComplete="off"
          required
          defaultValue={c?.allowedDomains.join(", ")}
          error={
            fieldErrors?.allowedDomains ??
            Object.entries(fieldErrors ?? {}).find(([k]) => k.startsWith("allowedDomains."))?.[1]
          }
          hint={t("domainsHint")}
        />
        <Select
          id="sso-default-role"
          name="defaultRole"
          label={t("defaultRole")}
          options={roleOptions}
          defaultValue={c?.defaultRole ?? "viewer"}
          error={fieldErrors?.defaultRole}
          hint={t("defaultRoleHint")}
        />
      </div>
      <Check
        id="sso-enabled"
        name="enabled"
        label={t("enabled")}
        hint={t("enabledHint")}
        defaultChecked={c?.enabled ?? true}
        error={fieldErrors?.enabled}
      />
      <Check
        id="sso-required"
        name="ssoRequired"
        label={t("required")}
        hint={t("requiredHint")}
        defaultChecked={c?.ssoRequired ?? false}
        error={fieldErrors?.ssoRequired}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("checking")}>
          {c ? t("saveChanges") : t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
