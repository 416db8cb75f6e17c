"use client";
// The main navigation; the current section is marked with aria-current="page". A member scoped to a unit sees only
// the sections whose page serves them (docs/hierarchy.md, "Scoped memberships"): `scoped` below, which the scope
// matrix checks against the pages themselves (tests/integration/scope/pages-access.ts).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  ChartColumn,
  ClipboardList,
  LayoutDashboard,
  LifeBuoy,
  MessagesSquare,
  Route,
  Settings,
  Users,
} from "lucide-react";

/** `label`: the key in messages/<locale>/nav.json (items). `scoped`: the page serves a member scoped to a unit (requireCtx(role, "unit")); the others refuse them. */
const ITEMS = [
  { href: "/", label: "dashboard", icon: LayoutDashboard, scoped: true },
  { href: "/customers", label: "customers", icon: Users, scoped: true },
  { href: "/interactions", label: "interactions", icon: MessagesSquare, scoped: true },
  { href: "/cases", label: "cases", icon: LifeBuoy, scoped: true },
  { href: "/journeys", label: "journeys", icon: Route, scoped: true },
  { href: "/surveys", label: "surveys", icon: ClipboardList, scoped: true },
  { href: "/reports", label: "reports", icon: ChartColumn, scoped: true },
  { href: "/settings", label: "settings", icon: Settings, scoped: false },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** `scoped`: the member's scope is one unit, not the whole organization. */
export function NavLinks({ scoped = false }: { scoped?: boolean }) {
  const t = useTranslations("nav");
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label={t("main")}>
      <ul className="flex flex-col gap-0.5">
        {ITEMS.filter((item) => !scoped || item.scoped).map(({ href, label, icon: Icon }) => {
          const current = isCurrent(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-10 items-center gap-3 rounded-md px-3 text-sm font-medium ${
                  current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                <Icon aria-hidden="true" size={18} className={current ? "text-brand-600" : "text-slate-500"} />
                {t(`items.${label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
