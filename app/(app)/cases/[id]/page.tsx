import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { getCaseDetail, type CaseDetail } from "@/lib/cases/service";
import { getCaseSettings, listCaseOwners } from "@/lib/cases/settings-service";
import { getTimeline } from "@/lib/customers/timeline";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { getFormats } from "@/lib/i18n/server";
import { ConsentBadge } from "@/components/customers/consent-badge";
import { ContactLink } from "@/components/customers/contact-link";
import { Timeline } from "@/components/customers/timeline";
import { CaseStatusBadge, PriorityBadge } from "@/components/cases/case-labels";
import { CaseTrigger } from "@/components/cases/case-trigger";
import { CaseHistory } from "@/components/cases/case-history";
import { CaseInvitations } from "@/components/cases/case-invitations";
import { CaseWorkForm } from "@/components/cases/case-work-form";
import { BackLink } from "@/components/ui/back-link";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("cases.detail");
  return { title: t("metaTitle") };
}

const TIMELINE_ITEMS = 5;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

async function CustomerCard({ customer, id }: { customer: CaseDetail["customer"]; id: string }) {
  const [t, tc, f] = await Promise.all([getTranslations("cases.detail"), getTranslations("cases"), getFormats()]);
  return (
    <Section title={t("customer")} id={id}>
      {customer ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="mb-3">
            <Link
              href={`/customers/${customer.id}`}
              className="font-semibold break-words text-brand-700 hover:underline"
            >
              {customer.name ?? customer.email ?? customer.externalId ?? tc("unnamed")}
            </Link>
          </p>
          <dl className="flex flex-col gap-3">
            <Fact label={t("phone")}>
              <ContactLink kind="phone" value={customer.phone} />
            </Fact>
            <Fact label={t("email")}>
              <ContactLink kind="email" value={customer.email} />
            </Fact>
            <Fact label={t("externalId")}>{customer.externalId ?? "—"}</Fact>
            <Fact label={t("consent")}>
              <ConsentBadge consent={customer.consent} />
              {customer.consentAt ? (
                <span className="ml-2 text-xs text-slate-600">{t("since", { date: f.date(customer.consentAt) })}</span>
              ) : null}
            </Fact>
          </dl>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("noCustomer")}</p>
      )}
    </Section>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("viewer", "unit");
  const { id } = await params;
  const kase = await orNotFound(getCaseDetail(ctx, id));
  const canWork = hasRole(ctx.role, "agent");
  const [settings, owners, timeline] = await Promise.all([
    canWork ? getCaseSettings(ctx) : null,
    // Only members who can open this case may own it (a store's member, for the store's case).
    canWork ? listCaseOwners(ctx, { unitId: kase.unitId }) : null,
    kase.customer ? getTimeline(ctx, kase.customer.id, { limit: TIMELINE_ITEMS }) : null,
  ]);
  const [t, tc, f] = await Promise.all([getTranslations("cases.detail"), getTranslations("cases"), getFormats()]);
  const overdue = kase.status !== "resolved" && kase.dueAt !== null && kase.dueAt < new Date();
  const customer = kase.customer;

  return (
    <ClientMessages keys={["cases"]}>
      <>
        <BackLink href="/cases">{t("back")}</BackLink>
        <PageHeader
          title={kase.title}
          description={
            <span className="inline-flex flex-wrap items-center gap-2">
              <CaseStatusBadge status={kase.status} /> <PriorityBadge priority={kase.priority} />
              {overdue ? <Badge tone="danger">{tc("overdue")}</Badge> : null}
              <span>
                {t("opened", {
                  date: f.dateTime(kase.createdAt),
                  owner: kase.owner?.name ?? t("unassigned"),
                  due: f.date(kase.dueAt),
                })}
              </span>
            </span>
          }
        />

        <div className="grid grid-cols-1 gap-x-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <Section title={t("trigger")}>
              <CaseTrigger kase={kase} />
            </Section>
            {/* On small screens the customer comes right after what they said; on wide ones it is in the side column. */}
            <div className="lg:hidden">
              <CustomerCard customer={customer} id="customer-narrow" />
            </div>

            <Section title={t("work")}>
              {canWork && settings && owners ? (
                <CaseWorkForm
                  caseId={kase.id}
                  status={kase.status}
                  ownerId={kase.owner?.id ?? null}
                  dueDate={kase.dueAt ? kase.dueAt.toISOString().slice(0, 10) : ""}
                  rootCause={kase.rootCause}
                  resolution={kase.resolution}
                  owners={owners}
                  rootCauses={settings.rootCauses}
                  optedOut={customer?.consent === false}
                />
              ) : (
                <dl
                  className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2"
                  aria-label={t("readOnly")}
                >
                  <Fact label={t("status")}>
                    <CaseStatusBadge status={kase.status} />
                  </Fact>
                  <Fact label={t("owner")}>{kase.owner?.name ?? tc("unassigned")}</Fact>
                  <Fact label={t("due")}>{f.date(kase.dueAt)}</Fact>
                  <Fact label={t("rootCause")}>{kase.rootCause ?? t("notSet")}</Fact>
                  <div className="sm:col-span-2">
                    <Fact label={t("resolution")}>{kase.resolution ?? "—"}</Fact>
                  </div>
                </dl>
              )}
            </Section>

            {kase.invitations.length ? (
              <Section title={t("invitations")} description={t("invitationsDescription")}>
                <CaseInvitations invitations={kase.invitations} />
              </Section>
            ) : null}

            <Section title={t("history")} description={t("historyDescription")}>
              <CaseHistory events={kase.history} />
            </Section>
          </div>

          <div className="min-w-0">
            <div className="hidden lg:block">
              <CustomerCard customer={customer} id="customer" />
            </div>
            {customer && timeline ? (
              <Section title={t("recent")} description={t("recentDescription", { count: TIMELINE_ITEMS })}>
                {timeline.data.length ? (
                  <Timeline items={timeline.data} />
                ) : (
                  <p className="text-sm text-slate-700">{t("nothingYet")}</p>
                )}
                <p className="mt-2">
                  <Link
                    href={`/customers/${customer.id}`}
                    className="text-sm font-medium text-brand-700 hover:underline"
                  >
                    {t("fullTimeline")}
                  </Link>
                </p>
              </Section>
            ) : null}
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
