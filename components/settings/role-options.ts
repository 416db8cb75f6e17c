// The role choices of the invite and API key forms and the member table, named in the page's language.
import { useTranslations } from "next-intl";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { Option } from "../ui/select";

export function useRoleOptions(): Option[] {
  const c = useTranslations("common");
  return ROLES.map((r) => ({ value: r, label: c(`roles.${r}.label`) }));
}

/** English role options, for the pages not yet converted (the SCIM and single sign-on pages). */
export const ROLE_OPTIONS: Option[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r].label }));
