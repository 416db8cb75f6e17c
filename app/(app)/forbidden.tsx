// The 403 page inside the app shell: a signed-in member opened a page their role does not give (requireCtx in
// lib/auth/action.ts calls forbidden(); Next.js answers HTTP 403). Says which role the page needs, which one
// they have and what each allows, and leads back.
import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { pageRefusal, requireCtx } from "@/lib/auth/action";
import { ROLES, hasRole } from "@/lib/auth/roles";
import { INTL_TAGS } from "@/lib/i18n/config";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("errors.forbidden");
  return { title: t("title") };
}

/** The card of every refusal: the heading, what it means, and the way back. */
async function RefusalCard({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations("errors.forbidden");
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <div className="flex items-start gap-3">
        <ShieldAlert aria-hidden="true" size={28} className="mt-0.5 shrink-0 text-amber-600" />
        <div className="min-w-0">
          <p className="text-sm font-semibold text-amber-700">{t("kicker")}</p>
          <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        </div>
      </div>
      {children}
      <p className="mt-6 flex flex-wrap gap-2">
        <Link href="/" className={buttonClass("primary")}>
          {t("back")}
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
  const [t, tc, locale] = await Promise.all([
    getTranslations("errors.forbidden"),
    getTranslations("common.roles"),
    getLocale(),
  ]);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  // A member scoped to a unit opened an organization-wide page (settings, imports, the audit log …).
  if (orgWide && !needed)
    return (
      <RefusalCard title={t("orgWideTitle")}>
        <p className="mt-4 text-sm text-slate-700">{t.rich("orgWideBody", { unit: orgWide, b: strong })}</p>
      </RefusalCard>
    );
  const enough = needed ? ROLES.filter((r) => hasRole(r, needed)) : [];
  const roles = new Intl.ListFormat(INTL_TAGS[locale], { type: "conjunction" }).format(
    enough.map((r) => tc(`${r}.plural`)),
  );
  return (
    <RefusalCard title={needed ? t("needsRole", { role: tc(`${needed}.inSentence`) }) : t("noAccess")}>
      <p className="mt-4 text-sm text-slate-700">
        {t.rich("youAre", { role, b: strong })} {needed ? `${t("onlyRoles", { roles })} ` : ""}
        {t("changeRole")}
      </p>
      <dl className="mt-4 grid gap-2 text-sm">
        {ROLES.map((r) => (
          <div
            key={r}
            className={`rounded-md px-3 py-2 ${r === needed ? "bg-brand-50 ring-1 ring-brand-200" : "bg-slate-50"}`}
          >
            <dt className="font-medium text-slate-900">
              {tc(`${r}.label`)}
              {r === role ? <span className="ml-2 text-xs font-normal text-slate-600">{t("yourRole")}</span> : null}
              {r === needed ? <span className="ml-2 text-xs font-normal text-slate-600">{t("neededHere")}</span> : null}
            </dt>
            <dd className="text-slate-600">{tc(`${r}.description`)}</dd>
          </div>
        ))}
      </dl>
    </RefusalCard>
  );
}
