"use client";
// "Send test event" / "Retry now": one attempt at once, and what the receiver answered, said right next to it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import type { AttemptOutcome, CreatedWebhook } from "@/app/_actions/webhooks";
import { SubmitButton } from "../../ui/submit-button";
import { SigningSecret } from "./webhook-form";
import { useFailureLabel } from "./labels";

type Action<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>;

function useDescribe(): (o: AttemptOutcome) => string {
  const t = useTranslations("settings.webhookPage");
  const tf = useTranslations("settings.webhookFailures");
  const failure = useFailureLabel();
  return (o) => {
    if (o.status === "succeeded") return t("outcomeDelivered", { code: String(o.lastStatusCode) });
    const why =
      failure(o.lastError) ?? (o.lastStatusCode ? t("http", { code: String(o.lastStatusCode) }) : tf("noAnswer"));
    return o.status === "dead" ? t("outcomeDead", { why }) : t("outcomeRetry", { why });
  };
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
  const describe = useDescribe();
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
  const t = useTranslations("settings.webhookPage");
  return (
    // "contents": the button sits in the row of endpoint actions, the secret below the row at full width
    <div className="contents">
      <form
        action={formAction}
        onSubmit={(e) => {
          if (!window.confirm(t("rotateConfirm"))) e.preventDefault();
        }}
      >
        <SubmitButton variant="secondary" size="sm" pendingLabel={t("rotating")}>
          {t("rotate")}
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
