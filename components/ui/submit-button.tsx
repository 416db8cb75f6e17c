"use client";
// A submit button that shows it is working while its form's action runs.
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button";

type Props = {
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  /** Pending state from useActionState when the form submits through onSubmit. */
  pending?: boolean;
  name?: string;
  value?: string;
  "aria-label"?: string;
};

export function SubmitButton({
  children,
  pendingLabel,
  variant,
  size,
  className,
  pending: pendingProp,
  ...rest
}: Props) {
  const status = useFormStatus();
  const pending = pendingProp || status.pending;
  return (
    <button
      type="submit"
      className={buttonClass(variant, size, className)}
      aria-disabled={pending || undefined}
      disabled={pending}
      {...rest}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
