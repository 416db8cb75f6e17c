// The organizations the user belongs to; switching is a server action (works without JavaScript).
import { Building } from "lucide-react";
import { useTranslations } from "next-intl";
import { switchOrganization } from "@/app/_actions/organizations";
import { ActionForm } from "../ui/action-form";
import { Select } from "../ui/select";

type Org = { id: string; name: string; role: string };

export function OrgSwitcher({ orgs, currentOrgId }: { orgs: Org[]; currentOrgId: string }) {
  const t = useTranslations("nav");
  const current = orgs.find((o) => o.id === currentOrgId);
  if (orgs.length < 2) {
    return (
      <p className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-900">
        <Building aria-hidden="true" size={16} className="shrink-0 text-slate-500" />
        <span className="truncate">{current?.name ?? t("organization")}</span>
      </p>
    );
  }
  return (
    // Keyed by the current organization so that the select shows it again after a switch or a new organization.
    <ActionForm
      key={currentOrgId}
      action={switchOrganization}
      submitLabel={t("switch")}
      pendingLabel={t("switching")}
      aria-label={t("switchOrganization")}
    >
      <Select
        id="org-switcher"
        name="orgId"
        label={t("organization")}
        defaultValue={currentOrgId}
        options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        className="basis-full"
      />
    </ActionForm>
  );
}
