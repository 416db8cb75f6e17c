// What a 404 says, wherever it is shown: on its own page (app/not-found.tsx, inside <main>) or inside the app
// shell, whose <main> already holds it (app/(app)/not-found.tsx).
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md text-center">
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
  );
}
