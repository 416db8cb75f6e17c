"use client";
// Find a customer in two keystrokes from any page: "/" (or Ctrl/⌘+K) focuses the box, Enter opens the
// customer, and with no match Enter offers to create them (agents and above).
import { useRouter } from "next/navigation";
import { CustomerCombobox } from "../customers/customer-combobox";

export function CustomerQuickSearch({ canCreate }: { canCreate: boolean }) {
  const router = useRouter();
  return (
    <CustomerCombobox
      label="Find a customer"
      hideLabel
      shortcut
      placeholder="Find a customer — press /"
      onSelect={(hit) => router.push(`/customers/${hit.id}`)}
      onCreate={
        canCreate ? (term) => router.push(`/customers?new=${encodeURIComponent(term)}#add-customer`) : undefined
      }
    />
  );
}
