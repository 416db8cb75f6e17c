// The role choices of the invite and API key forms and the member table, named in the page's language.
import { useTranslations } from "next-intl";
import { ROLES } from "@/lib/auth/roles";
import type { Option } from "../ui/select";

export function useRoleOptions(): Option[] {
  const c = useTranslations("common");
  return ROLES.map((r) => ({ value: r, label: c(`roles.${r}.label`) }));
}
