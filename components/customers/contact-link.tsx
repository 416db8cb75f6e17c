// A customer's phone number or e-mail address as a link that opens the dialler or the mail app: following up
// is often a call from the agent's phone.
import type { ReactNode } from "react";

export function ContactLink({ kind, value }: { kind: "phone" | "email"; value: string | null }): ReactNode {
  if (!value) return "—";
  const href = kind === "phone" ? `tel:${value.replace(/[^\d+]/g, "")}` : `mailto:${value}`;
  return (
    <a
      href={href}
      className="inline-flex min-h-9 items-center font-medium break-all text-brand-700 underline underline-offset-2"
    >
      {value}
    </a>
  );
}
