"use client";
// The organization's OpenID Connect connection. The client secret is write-only: once stored, the field is
// empty and leaving it empty keeps the stored one.
import { saveSsoConnectionAction } from "@/app/_actions/sso";
import type { SsoConnectionDto } from "@/lib/sso/service";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";
import { ROLE_OPTIONS } from "./role-options";

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
  return (
    <form
      action={dispatch}
      onSubmit={onSubmit}
      aria-label="Single sign-on connection"
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <Input
        id="sso-issuer"
        name="issuer"
        type="url"
        label="Issuer URL"
        placeholder="https://login.example.com/realms/acme"
        autoComplete="off"
        required
        maxLength={500}
        defaultValue={c?.issuer}
        error={fieldErrors?.issuer}
        hint="Exactly as your provider names it; Resonance reads its /.well-known/openid-configuration."
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Input
          id="sso-client-id"
          name="clientId"
          label="Client ID"
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
          label="Client secret"
          autoComplete="new-password"
          maxLength={2000}
          placeholder={c ? "•••••••• stored" : undefined}
          error={fieldErrors?.clientSecret}
          hint={
            c
              ? "Stored encrypted and never shown again. Leave empty to keep it."
              : "Stored encrypted and never shown again."
          }
        />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Input
          id="sso-domains"
          name="allowedDomains"
          label="Allowed e-mail domains"
          placeholder="example.com, example.co.uk"
          autoComplete="off"
          required
          defaultValue={c?.allowedDomains.join(", ")}
          error={
            fieldErrors?.allowedDomains ??
            Object.entries(fieldErrors ?? {}).find(([k]) => k.startsWith("allowedDomains."))?.[1]
          }
          hint="Only verified addresses in these domains sign in; the domain also picks this connection on the sign-in page."
        />
        <Select
          id="sso-default-role"
          name="defaultRole"
          label="Role of new members"
          options={ROLE_OPTIONS}
          defaultValue={c?.defaultRole ?? "viewer"}
          error={fieldErrors?.defaultRole}
          hint="Someone who signs in for the first time joins the organization with this role."
        />
      </div>
      <Check
        id="sso-enabled"
        name="enabled"
        label="Enabled"
        hint="Members can sign in through this connection."
        defaultChecked={c?.enabled ?? true}
        error={fieldErrors?.enabled}
      />
      <Check
        id="sso-required"
        name="ssoRequired"
        label="Require single sign-on"
        hint="Members of this organization can no longer sign in with a password (also after a password reset), and their password sessions end now (not yours). Sign in through single sign-on yourself first."
        defaultChecked={c?.ssoRequired ?? false}
        error={fieldErrors?.ssoRequired}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">Saved. The issuer answered with a valid discovery document.</FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel="Checking the issuer…">
          {c ? "Save changes" : "Save connection"}
        </SubmitButton>
      </div>
    </form>
  );
}
