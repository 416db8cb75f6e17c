// What every member sees: who they are, their role here, and their organizations.
import { useTranslations } from "next-intl";
import { isRole, type Role } from "@/lib/auth/roles";
import { Section } from "../ui/page-header";
import { Badge } from "../ui/badge";
import { CreateOrgForm } from "./create-org-form";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function ProfileSection({ user, role }: { user: { name: string; email: string } | null; role: Role }) {
  const t = useTranslations("settings");
  const c = useTranslations("common");
  return (
    <Section id="your-profile" title={t("nav.profile")}>
      <dl className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-3">
        <Fact label={t("profile.name")}>{user?.name ?? c("none")}</Fact>
        <Fact label={t("profile.email")}>{user?.email ?? c("none")}</Fact>
        <Fact label={t("profile.role")}>
          {c(`roles.${role}.label`)}
          <span className="block text-xs text-slate-600">{c(`roles.${role}.description`)}</span>
        </Fact>
      </dl>
    </Section>
  );
}

export function OrganizationsSection({
  orgs,
  currentOrgId,
}: {
  orgs: { id: string; name: string; role: string }[];
  currentOrgId: string;
}) {
  const t = useTranslations("settings");
  const c = useTranslations("common");
  return (
    <Section
      id="your-organizations"
      title={t("nav.organizations")}
      description={orgs.length > 1 ? t("organizations.switchHint") : undefined}
    >
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {orgs.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <span className="font-medium text-slate-900">
              {o.name} {o.id === currentOrgId ? <Badge tone="brand">{t("organizations.current")}</Badge> : null}
            </span>
            <span className="text-slate-700">{isRole(o.role) ? c(`roles.${o.role}.label`) : o.role}</span>
          </li>
        ))}
      </ul>
      <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-900">{t("organizations.createHeading")}</h3>
      <p className="mb-3 text-sm text-slate-600">{t("organizations.createHint")}</p>
      <CreateOrgForm />
    </Section>
  );
}
