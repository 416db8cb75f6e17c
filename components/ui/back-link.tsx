import Link from "next/link";
import { ArrowLeft } from "lucide-react";

/** The "← All cases" link above a detail page's header; left out when the page is printed. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="mb-3 print:hidden">
      <Link href={href} className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <ArrowLeft aria-hidden="true" size={16} /> {children}
      </Link>
    </p>
  );
}
