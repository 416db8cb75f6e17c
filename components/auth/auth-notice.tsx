// A card that only says something and offers one way on: a link that does not work, a feature this server
// cannot offer.
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthCard } from "./auth-card";
import { buttonClass, type ButtonVariant } from "../ui/button";

export function AuthNotice({
  title,
  children,
  href,
  linkLabel,
  variant = "secondary",
}: {
  title: string;
  children: ReactNode;
  href: string;
  linkLabel: string;
  variant?: ButtonVariant;
}) {
  return (
    <AuthCard title={title}>
      <p className="text-sm text-slate-700">{children}</p>
      <p className="mt-6">
        <Link href={href} className={buttonClass(variant)}>
          {linkLabel}
        </Link>
      </p>
    </AuthCard>
  );
}
