"use client";
// Find a customer in two keystrokes from any page: "/" (or Ctrl/⌘+K) focuses the box, Enter opens the
// customer, and with no match Enter offers to create them (agents and above). A touch screen has no "/" key to
// press: there the placeholder leaves the hint out.
import { useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CustomerCombobox } from "../customers/customer-combobox";

const COARSE = "(pointer: coarse)";

/** Whether the main pointer is a finger; false on the server and before hydration. */
function useTouchScreen(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(COARSE);
      query.addEventListener("change", changed);
      return () => query.removeEventListener("change", changed);
    },
    () => window.matchMedia(COARSE).matches,
    () => false,
  );
}

export function CustomerQuickSearch({ canCreate }: { canCreate: boolean }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const touch = useTouchScreen();
  return (
    <CustomerCombobox
      label={t("findCustomer")}
      hideLabel
      shortcut
      placeholder={touch ? t("findCustomer") : t("findCustomerPlaceholder")}
      onSelect={(hit) => router.push(`/customers/${hit.id}`)}
      onCreate={
        canCreate ? (term) => router.push(`/customers?new=${encodeURIComponent(term)}#add-customer`) : undefined
      }
    />
  );
}
