"use client";
// A small form around one server action (switch, revoke, remove …): a submit button, an optional
// confirmation, and the action's error message right after the button.
import { useActionState, type ReactNode } from "react";
import type { ActionResult, ActionState } from "@/lib/auth/action";
import { SubmitButton } from "./submit-button";
import type { ButtonSize, ButtonVariant } from "./button";

export type FormAction = (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;

type Props = {
  action: FormAction;
  submitLabel: ReactNode;
  pendingLabel?: string;
  /** Asked with the browser's confirm dialog before submitting. */
  confirm?: string;
  children?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  successMessage?: string;
  /** Keep the controls and the button on one line. */
  inline?: boolean;
  align?: "start" | "end";
  "aria-label"?: string;
};

export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  confirm,
  children,
  variant = "secondary",
  size = "sm",
  className = "",
  successMessage,
  inline = false,
  align = "start",
  ...rest
}: Props) {
  const [state, formAction] = useActionState<ActionState<unknown>, FormData>(action, null);
  return (
    <form
      action={formAction}
      aria-label={rest["aria-label"]}
      className={className}
      onSubmit={
        confirm
          ? (e) => {
              if (!window.confirm(confirm)) e.preventDefault();
            }
          : undefined
      }
    >
      <div className={`flex items-end gap-2 ${inline ? "" : "flex-wrap"} ${align === "end" ? "justify-end" : ""}`}>
        {children}
        <SubmitButton variant={variant} size={size} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm font-medium [overflow-wrap:anywhere] text-danger">
          {state.message}
        </p>
      ) : null}
      {state?.ok && successMessage ? (
        <p role="status" className="mt-1 text-sm text-ok">
          {successMessage}
        </p>
      ) : null}
    </form>
  );
}
