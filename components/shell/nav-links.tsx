"use client";
// The main navigation; the current section is marked with aria-current="page".
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

const ITEMS = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/customers", label: "Customers", icon: Users },
  { href: "/interactions", label: "Interactions", icon: MessagesSquare },
  { href: "/cases", label: "Cases", icon: LifeBuoy },
  { href: "/journeys", label: "Journeys", icon: Route },
  { href: "/surveys", label: "Surveys", icon: ClipboardList },
  { href: "/reports", label: "Reports", icon: ChartColumn },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Main">
      <ul className="flex flex-col gap-0.5">
        {ITEMS.map(({ href, label, icon: Icon }) => {
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
