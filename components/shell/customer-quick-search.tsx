"use client";
// Find a customer in two keystrokes from any page: "/" (or Ctrl/⌘+K) focuses the box, Enter opens the
// customer, and with no match Enter offers to create them (agents and above).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CustomerCombobox } from "../customers/customer-combobox";

export function CustomerQuickSearch({ canCreate }: { canCreate: boolean }) {
  const t = useTranslations("nav");
  const router = useRouter();
  return (
    <CustomerCombobox
      label={t("findCustomer")}
      hideLabel
      shortcut
      placeholder={t("findCustomerPlaceholder")}
      onSelect={(hit) => router.push(`/customers/${hit.id}`)}
      onCreate={
        canCreate ? (term) => router.push(`/customers?new=${encodeURIComponent(term)}#add-customer`) : undefined
      }
    />
  );
}
