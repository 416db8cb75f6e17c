"use client";
// The main navigation; the current section is marked with aria-current="page". A member scoped to a unit sees only
// the sections whose page serves them (docs/hierarchy.md, "Scoped memberships"): `scoped` below, which the scope
// matrix checks against the pages themselves (tests/integration/scope/pages-access.ts).
import Link from "next/link";
import { usePathname } from "next/navigation";
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

/** `scoped`: the page serves a member scoped to a unit (requireCtx(role, "unit")); the others refuse them. */
const ITEMS = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard, scoped: true },
  { href: "/customers", label: "Customers", icon: Users, scoped: true },
  { href: "/interactions", label: "Interactions", icon: MessagesSquare, scoped: true },
  { href: "/cases", label: "Cases", icon: LifeBuoy, scoped: true },
  { href: "/journeys", label: "Journeys", icon: Route, scoped: true },
  { href: "/surveys", label: "Surveys", icon: ClipboardList, scoped: true },
  { href: "/reports", label: "Reports", icon: ChartColumn, scoped: true },
  { href: "/settings", label: "Settings", icon: Settings, scoped: false },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** `scoped`: the member's scope is one unit, not the whole organization. */
export function NavLinks({ scoped = false }: { scoped?: boolean }) {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Main">
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
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
