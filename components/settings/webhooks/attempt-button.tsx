"use client";
// "Send test event" / "Retry now": one attempt at once, and what the receiver answered, said right next to it.
import { useActionState } from "react";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import type { AttemptOutcome, CreatedWebhook } from "@/app/_actions/webhooks";
import { SubmitButton } from "../../ui/submit-button";
import { SigningSecret } from "./webhook-form";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

function describe(o: AttemptOutcome): string {
  if (o.status === "succeeded") return `Delivered: the endpoint answered ${o.lastStatusCode}.`;
  const why = o.lastError ?? (o.lastStatusCode ? `HTTP ${o.lastStatusCode}` : "no answer");
  return o.status === "dead" ? `Failed (${why}); no retries left.` : `Failed (${why}); it will be retried.`;
}

export function AttemptButton({
  action,
  label,
  pendingLabel,
}: {
  action: Action<AttemptOutcome>;
  label: React.ReactNode;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState<ActionState<AttemptOutcome>, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <SubmitButton variant="secondary" size="sm" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {state ? (
        <p
          role={state.ok && state.data.status === "succeeded" ? "status" : "alert"}
          className={`text-sm font-medium ${state.ok && state.data.status === "succeeded" ? "text-ok" : "text-danger"}`}
        >
          {state.ok ? describe(state.data) : state.message}
        </p>
      ) : null}
    </form>
  );
}

export function RotateSecretButton({ action }: { action: Action<CreatedWebhook> }) {
  const [state, formAction] = useActionState<ActionState<CreatedWebhook>, FormData>(action, null);
  return (
    // "contents": the button sits in the row of endpoint actions, the secret below the row at full width
    <div className="contents">
      <form
        action={formAction}
        onSubmit={(e) => {
          if (!window.confirm("Make a new signing secret? The current one stops working at once.")) e.preventDefault();
        }}
      >
        <SubmitButton variant="secondary" size="sm" pendingLabel="Rotating…">
          Rotate secret
        </SubmitButton>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="basis-full text-sm font-medium text-danger">
          {state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <div className="basis-full">
          <SigningSecret url={state.data.url} secret={state.data.secret} />
        </div>
      ) : null}
    </div>
  );
}
