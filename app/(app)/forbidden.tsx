// The 403 page inside the app shell: a signed-in member opened a page their role does not give (requireCtx in
// lib/auth/action.ts calls forbidden(); Next.js answers HTTP 403). Says which role the page needs, which one
// they have and what each allows, and leads back.
import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { pageRefusal, requireCtx } from "@/lib/auth/action";
import { ROLE_LABELS, ROLES, hasRole } from "@/lib/auth/roles";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "No access" };

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** The card of every refusal: the heading, what it means, and the way back. */
function RefusalCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <div className="flex items-start gap-3">
        <ShieldAlert aria-hidden="true" size={28} className="mt-0.5 shrink-0 text-amber-600" />
        <div className="min-w-0">
          <p className="text-sm font-semibold text-amber-700">403 · No access</p>
          <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        </div>
      </div>
      {children}
      <p className="mt-6 flex flex-wrap gap-2">
        <Link href="/" className={buttonClass("primary")}>
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}

export default async function Forbidden() {
  // Next.js renders this with every page of the shell, beside the page rather than after it; by the next turn of
  // the event loop a refused page has long recorded what it needed (requireCtx is the first thing each awaits).
  const { role } = await requireCtx("viewer", "unit");
  await new Promise((resolve) => setImmediate(resolve));
  const { needed, orgWide } = pageRefusal();
  // A member scoped to a unit opened an organization-wide page (settings, imports, the audit log …).
  if (orgWide && !needed)
    return (
      <RefusalCard title="This page is for the whole organization">
        <p className="mt-4 text-sm text-slate-700">
          {"Your membership covers "}
          <strong>{orgWide}</strong>
          {
            " and the units under it. Organization-wide settings and bulk operations need a membership for the whole organization: an admin of your organization can change your scope under Settings → Members."
          }
        </p>
      </RefusalCard>
    );
  const enough = needed ? ROLES.filter((r) => hasRole(r, needed)) : [];
  return (
    <RefusalCard
      title={
        needed
          ? `This page needs the ${ROLE_LABELS[needed].label.toLowerCase()} role`
          : "Your role does not give access to this page"
      }
    >
      <p className="mt-4 text-sm text-slate-700">
        {`You are ${article(role)} `}
        <strong>{ROLE_LABELS[role].label.toLowerCase()}</strong>
        {" in this organization. "}
        {`${needed ? `Only ${enough.map((r) => ROLE_LABELS[r].label.toLowerCase() + "s").join(" and ")} can open it. ` : ""}An admin of your organization can change your role under Settings → Members.`}
      </p>
      <dl className="mt-4 grid gap-2 text-sm">
        {ROLES.map((r) => (
          <div
            key={r}
            className={`rounded-md px-3 py-2 ${r === needed ? "bg-brand-50 ring-1 ring-brand-200" : "bg-slate-50"}`}
          >
            <dt className="font-medium text-slate-900">
              {ROLE_LABELS[r].label}
              {r === role ? <span className="ml-2 text-xs font-normal text-slate-600">(your role)</span> : null}
              {r === needed ? <span className="ml-2 text-xs font-normal text-slate-600">(needed here)</span> : null}
            </dt>
            <dd className="text-slate-600">{ROLE_LABELS[r].description}</dd>
          </div>
        ))}
      </dl>
    </RefusalCard>
  );
}
