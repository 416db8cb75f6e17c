import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { getCustomer } from "@/lib/customers/service";
import { getLoyalty, getTimeline, timelineQuery } from "@/lib/customers/timeline";
import { Timeline } from "@/components/customers/timeline";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { getFormats } from "@/lib/i18n/server";
import { ConsentBadge, TagList } from "@/components/customers/consent-badge";
import { ContactLink } from "@/components/customers/contact-link";
import { PrivacySection } from "@/components/customers/privacy-section";
import { attributeLabel } from "@/components/customers/attribute-label";
import { listConsentHistory } from "@/lib/privacy/consent";
import { BackLink } from "@/components/ui/back-link";
import { listCustomerSuppressions } from "@/lib/campaigns/suppression-log";
import { SuppressionTable } from "@/components/campaigns/suppression-table";
import { HomeUnitForm } from "@/components/customers/home-unit";
import { homeUnitChoiceFor, homeUnitOf } from "@/lib/customers/home-unit";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("customers.detail");
  return { title: t("metaTitle") };
}

const PAGE = 25;

function Fact({
  label,
  children,
  title,
  wide = false,
}: {
  label: string;
  children: React.ReactNode;
  /** The stored key, for a label made from it (an attribute). */
  title?: string;
  wide?: boolean;
}) {
  return (
    <div className={wide ? "col-span-2 min-w-0 sm:col-span-1" : "min-w-0"}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase" title={title}>
        {label}
      </dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // A unit-scoped member sees a customer of their units with only their units' rows (lib/customers/visible.ts).
  const ctx = await requireCtx("viewer", "unit");
  const { id } = await params;
  const sp = await searchParams;
  const customer = await orNotFound(getCustomer(ctx, id));
  const parsed = timelineQuery.safeParse({ limit: PAGE, before: sp.before });
  const before = parsed.success ? parsed.data.before : undefined;
  const [timeline, loyalty, consentHistory, notInvited, homeUnit, homeChoice] = await Promise.all([
    getTimeline(ctx, customer.id, { limit: PAGE, before }),
    getLoyalty(ctx, customer.id),
    listConsentHistory(ctx, customer.id),
    // The suppression log names campaigns: for managers and admins, as the campaigns are.
    hasRole(ctx.role, "manager") ? listCustomerSuppressions(ctx, customer.id, { limit: 10 }) : null,
    homeUnitOf(ctx, customer.unitId),
    hasRole(ctx.role, "agent") ? homeUnitChoiceFor(ctx, customer.unitId) : null,
  ]);
  const [t, tc, f] = await Promise.all([
    getTranslations("customers.detail"),
    getTranslations("customers"),
    getFormats(),
  ]);
  const attributes = Object.entries(customer.attributes);
  const title = customer.name ?? customer.email ?? customer.externalId ?? tc("unnamed");

  return (
    <ClientMessages keys={["customers.privacy", "customers.homeUnit"]}>
      <>
        <BackLink href="/customers">{t("back")}</BackLink>
        <PageHeader
          title={title}
          description={t("since", { date: f.date(customer.createdAt) })}
          actions={
            hasRole(ctx.role, "agent") ? (
              <Link
                href={`/interactions/new?customerId=${customer.id}`}
                className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("logInteraction")}
              </Link>
            ) : null
          }
        />

        <section aria-label={t("profile")} className="mb-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
            <Fact label={t("email")} wide>
              <ContactLink kind="email" value={customer.email} />
            </Fact>
            <Fact label={t("phone")}>
              <ContactLink kind="phone" value={customer.phone} />
            </Fact>
            <Fact label={t("externalId")}>
              {customer.externalId ? <span className="font-mono text-xs">{customer.externalId}</span> : "—"}
            </Fact>
            <Fact label={t("consent")}>
              <ConsentBadge consent={customer.consent} />
              {customer.consentAt ? (
                <span className="ml-2 text-xs text-slate-600">
                  {t("consentSet", { date: f.date(customer.consentAt) })}
                </span>
              ) : null}
            </Fact>
            <Fact label={t("tags")}>
              <TagList tags={customer.tags} />
            </Fact>
            <Fact label={t("lastSeen")}>{f.dateTime(customer.lastSeenAt)}</Fact>
            {homeUnit && !(homeChoice && !customer.erasedAt) ? (
              <Fact label={t("homeUnit")} wide>
                <span data-testid="home-unit">{`${homeUnit.name} (${homeUnit.code})`}</span>
              </Fact>
            ) : null}
            <Fact label={t("loyalty")} wide>
              <span data-testid="loyalty-stage" className="font-medium">
                {tc(`loyalty.${loyalty.stage}`)}
              </span>
              <span className="block text-xs text-slate-600">
                {loyalty.latest
                  ? t("latest", {
                      metric: loyalty.latest.metric.toUpperCase(),
                      score: loyalty.latest.score,
                      date: f.date(loyalty.latest.at),
                    })
                  : t("noLatest")}{" "}
                · {t("touches", { count: loyalty.touches180d })}
              </span>
            </Fact>
          </dl>
          {homeChoice && !customer.erasedAt ? (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <HomeUnitForm customerId={customer.id} choice={homeChoice} />
            </div>
          ) : null}
          {attributes.length ? (
            <>
              <h2 className="mt-6 mb-2 text-sm font-semibold text-slate-900">{t("attributes")}</h2>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
                {attributes.map(([k, v]) => (
                  <Fact key={k} label={attributeLabel(k)} title={k}>
                    {v === null || v === "" ? "—" : String(v)}
                  </Fact>
                ))}
              </dl>
            </>
          ) : null}
        </section>

        <Section title={t("timeline")} description={t("timelineDescription")}>
          {timeline.data.length === 0 ? (
            <EmptyState title={t("timelineEmptyTitle")}>{t("timelineEmptyBody")}</EmptyState>
          ) : (
            <Timeline items={timeline.data} />
          )}
          <nav aria-label={t("timelinePages")} className="mt-4 flex gap-3 text-sm">
            {before ? (
              <Link href={`/customers/${customer.id}`} className="font-medium text-brand-700 underline">
                {t("newest")}
              </Link>
            ) : null}
            {timeline.nextCursor ? (
              <Link
                href={`/customers/${customer.id}?before=${timeline.nextCursor}`}
                className="font-medium text-brand-700 underline"
              >
                {t("older")}
              </Link>
            ) : null}
          </nav>
        </Section>

        {notInvited && notInvited.data.length > 0 ? (
          <Section title={t("notInvited")} description={t("notInvitedDescription")}>
            <SuppressionTable rows={notInvited.data} show="send" />
          </Section>
        ) : null}

        <PrivacySection
          customer={customer}
          history={consentHistory}
          can={{
            changeConsent: hasRole(ctx.role, "agent"),
            // The privacy export and erasure are for whole-organization members (docs/hierarchy.md).
            exportData: hasRole(ctx.role, "manager") && !ctx.scope,
            erase: hasRole(ctx.role, "admin") && !ctx.scope,
          }}
        />
      </>
    </ClientMessages>
  );
}
