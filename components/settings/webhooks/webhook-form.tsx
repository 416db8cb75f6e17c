"use client";
// Add a webhook endpoint: URL, what it is for, which events. The signing secret is shown exactly once.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createWebhookAction } from "@/app/_actions/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { Input } from "../../ui/input";
import { FormMessage } from "../../ui/form-message";
import { SubmitButton } from "../../ui/submit-button";
import { useActionForm } from "../../ui/use-action-form";
import { OneTimeSecret } from "../../ui/one-time-secret";
import { useEventWords } from "./labels";

export function WebhookForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createWebhookAction);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations("settings.webhookForm");
  const events = useEventWords();
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const eventsError =
    fieldErrors?.eventTypes ?? Object.entries(fieldErrors ?? {}).find(([k]) => k.startsWith("eventTypes."))?.[1];

  return (
    <div className="flex flex-col gap-3">
      <form
        ref={formRef}
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={t("label")}
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="grid gap-4 md:grid-cols-2">
          <Input
            id="webhook-url"
            name="url"
            type="url"
            label={t("url")}
            placeholder={t("urlPlaceholder")}
            autoComplete="off"
            required
            maxLength={2000}
            error={fieldErrors?.url}
            hint={t("urlHint")}
          />
          <Input
            id="webhook-description"
            name="description"
            label={t("description")}
            placeholder={t("descriptionPlaceholder")}
            autoComplete="off"
            maxLength={200}
            error={fieldErrors?.description}
          />
        </div>
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("events")}</legend>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex min-h-9 items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="eventTypes"
                  value={type}
                  defaultChecked
                  className="mt-0.5 size-4 accent-brand-600"
                />
                <span>
                  <span className="font-medium">{events.label(type)}</span>{" "}
                  <code className="font-mono text-xs text-slate-600">{type}</code>
                  <span className="block text-xs text-slate-600">{events.description(type)}</span>
                </span>
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="webhook-events-error" className="mt-1 text-sm font-medium text-danger">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <div>
          <SubmitButton pending={pending} pendingLabel={t("adding")}>
            {t("submit")}
          </SubmitButton>
        </div>
      </form>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <SigningSecret url={state.data.url} secret={state.data.secret} /> : null}
    </div>
  );
}

export function SigningSecret({ url, secret }: { url: string; secret: string }) {
  const t = useTranslations("settings.webhookForm");
  return (
    <OneTimeSecret id="webhook-secret" label={t("secretLabel", { url })} value={secret} what="signingSecret">
      {t.rich("secretUse", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
    </OneTimeSecret>
  );
}
