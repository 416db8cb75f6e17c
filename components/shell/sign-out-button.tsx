"use client";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { buttonClass, type ButtonVariant } from "../ui/button";

export function SignOutButton({
  callbackUrl = "/login",
  variant = "ghost",
}: {
  callbackUrl?: string;
  variant?: ButtonVariant;
}) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className={buttonClass(variant, "sm")}>
      <LogOut aria-hidden="true" size={16} />
      Sign out
    </button>
  );
}
