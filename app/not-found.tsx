import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">We could not find that page</h1>
        <p className="mt-2 text-sm text-slate-600">
          The link may be mistyped, or the record may belong to another organization or have been removed.
        </p>
        <p className="mt-6">
          <Link href="/" className={buttonClass("primary")}>
            Back to the dashboard
          </Link>
        </p>
      </div>
    </main>
  );
}
