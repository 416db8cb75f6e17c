"use client";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass, type ButtonVariant } from "../ui/button";

export function SignOutButton({
  callbackUrl = "/login",
  variant = "ghost",
}: {
  callbackUrl?: string;
  variant?: ButtonVariant;
}) {
  const t = useTranslations("nav");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className={buttonClass(variant, "sm")}>
      <LogOut aria-hidden="true" size={16} />
      {t("signOut")}
    </button>
  );
}
