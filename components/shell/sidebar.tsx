// Sidebar contents: organization, navigation, and who is signed in.
import Link from "next/link";
import { MapPin, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { buttonClass } from "../ui/button";
import { NavLinks } from "./nav-links";
import { OrgSwitcher } from "./org-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = {
  orgs: { id: string; name: string; role: string }[];
  currentOrgId: string;
  user: { name: string; email: string };
  role: Role;
  /** The member's scope unit ("Manchester Arndale store"); null for the whole organization. */
  scopeName?: string | null;
};

export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight text-slate-900">
      <span
        aria-hidden="true"
        className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
      >
        R
      </span>
      Resonance
    </Link>
  );
}

export function Sidebar({ orgs, currentOrgId, user, role, scopeName = null }: Props) {
  const t = useTranslations();
  return (
    <div className="flex min-h-full flex-col gap-6 p-4">
      <div className="hidden md:block">
        <Brand />
      </div>
      <div>
        <OrgSwitcher orgs={orgs} currentOrgId={currentOrgId} />
        {scopeName ? (
          <p className="mt-1 flex items-center gap-2 px-1 text-sm text-slate-700" data-testid="member-scope">
            <MapPin aria-hidden="true" size={16} className="shrink-0 text-slate-500" />
            <span className="min-w-0">
              <span className="sr-only">{t("nav.scope")}</span>
              <span className="block truncate font-medium">{scopeName}</span>
            </span>
          </p>
        ) : null}
      </div>
      <NavLinks scoped={scopeName !== null} />
      <div className="mt-auto border-t border-slate-200 pt-4">
        <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
        <p className="truncate text-xs text-slate-600">{user.email}</p>
        <p className="mt-1 text-xs text-slate-600">
          {t.rich("nav.role", {
            role: t(`common.roles.${role}.label`),
            b: (chunks) => <span className="font-medium text-slate-800">{chunks}</span>,
          })}
        </p>
        <Link
          href="/account/two-factor"
          className="mt-2 inline-block text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {t("nav.twoFactor")}
        </Link>
        <div className="mt-3 flex flex-wrap gap-2">
          <Link href="/account" className={buttonClass("secondary", "sm")}>
            <UserRound aria-hidden="true" size={16} />
            {t("nav.account")}
          </Link>
          <SignOutButton variant="secondary" />
        </div>
      </div>
    </div>
  );
}
