"use client";
// Add a webhook endpoint: URL, what it is for, which events. The signing secret is shown exactly once.
import { useEffect, useRef } from "react";
import { createWebhookAction } from "@/app/_actions/webhooks";
import { EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { Input } from "../../ui/input";
import { FormMessage } from "../../ui/form-message";
import { SubmitButton } from "../../ui/submit-button";
import { useActionForm } from "../../ui/use-action-form";
import { OneTimeSecret } from "../one-time-secret";

export function WebhookForm() {
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(createWebhookAction);
  const formRef = useRef<HTMLFormElement>(null);
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
        aria-label="Add a webhook endpoint"
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="grid gap-4 md:grid-cols-2">
          <Input
            id="webhook-url"
            name="url"
            type="url"
            label="Endpoint URL"
            placeholder="https://example.com/hooks/resonance"
            autoComplete="off"
            required
            maxLength={2000}
            error={fieldErrors?.url}
            hint="http:// or https:// on a public address (not loopback or a private network); redirects are not followed."
          />
          <Input
            id="webhook-description"
            name="description"
            label="Description (optional)"
            placeholder="e.g. CRM sync"
            autoComplete="off"
            maxLength={200}
            error={fieldErrors?.description}
          />
        </div>
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events to send</legend>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6">
            {WEBHOOK_EVENT_TYPES.map((t) => (
              <label key={t} className="flex min-h-9 items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="eventTypes"
                  value={t}
                  defaultChecked
                  className="mt-0.5 size-4 accent-brand-600"
                />
                <span>
                  <span className="font-medium">{EVENT_LABELS[t].label}</span>{" "}
                  <code className="font-mono text-xs text-slate-600">{t}</code>
                  <span className="block text-xs text-slate-600">{EVENT_LABELS[t].description}</span>
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
          <SubmitButton pending={pending} pendingLabel="Adding…">
            Add endpoint
          </SubmitButton>
        </div>
      </form>
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? <SigningSecret url={state.data.url} secret={state.data.secret} /> : null}
    </div>
  );
}

export function SigningSecret({ url, secret }: { url: string; secret: string }) {
  return (
    <OneTimeSecret id="webhook-secret" label={`Signing secret for ${url}`} value={secret}>
      <p>
        <strong>Copy this signing secret now: it will not be shown again.</strong> Your receiver uses it to check the{" "}
        <code className="font-mono">webhook-signature</code> header of every request (docs/webhooks.md, “Signatures”).
      </p>
    </OneTimeSecret>
  );
}
