import Link from "next/link";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { getCustomer } from "@/lib/customers/service";
import { getLoyalty, getTimeline, timelineQuery } from "@/lib/customers/timeline";
import { LOYALTY_LABELS } from "@/lib/customers/loyalty";
import { Timeline } from "@/components/customers/timeline";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
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

export const dynamic = "force-dynamic";
export const metadata = { title: "Customer" };

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
  const attributes = Object.entries(customer.attributes);
  const title = customer.name ?? customer.email ?? customer.externalId ?? "Unnamed customer";

  return (
    <>
      <BackLink href="/customers">All customers</BackLink>
      <PageHeader
        title={title}
        description={<>Customer since {formatDate(customer.createdAt)}</>}
        actions={
          hasRole(ctx.role, "agent") ? (
            <Link
              href={`/interactions/new?customerId=${customer.id}`}
              className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
            >
              Log interaction
            </Link>
          ) : null
        }
      />

      <section aria-label="Profile" className="mb-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-3">
          <Fact label="E-mail" wide>
            <ContactLink kind="email" value={customer.email} />
          </Fact>
          <Fact label="Phone">
            <ContactLink kind="phone" value={customer.phone} />
          </Fact>
          <Fact label="External id">
            {customer.externalId ? <span className="font-mono text-xs">{customer.externalId}</span> : "—"}
          </Fact>
          <Fact label="Consent to surveys">
            <ConsentBadge consent={customer.consent} />
            {customer.consentAt ? (
              <span className="ml-2 text-xs text-slate-600">set {formatDate(customer.consentAt)}</span>
            ) : null}
          </Fact>
          <Fact label="Tags">
            <TagList tags={customer.tags} />
          </Fact>
          <Fact label="Last seen">{formatDateTime(customer.lastSeenAt)}</Fact>
          {homeUnit && !(homeChoice && !customer.erasedAt) ? (
            <Fact label="Home unit" wide>
              <span data-testid="home-unit">{`${homeUnit.name} (${homeUnit.code})`}</span>
            </Fact>
          ) : null}
          <Fact label="Loyalty stage" wide>
            <span data-testid="loyalty-stage" className="font-medium">
              {LOYALTY_LABELS[loyalty.stage]}
            </span>
            <span className="block text-xs text-slate-600">
              {loyalty.latest
                ? `latest ${loyalty.latest.metric.toUpperCase()} ${loyalty.latest.score} on ${formatDate(loyalty.latest.at)}`
                : "no NPS or CSAT answer in 12 months"}{" "}
              · {loyalty.touches180d} {loyalty.touches180d === 1 ? "touch" : "touches"} in 180 days
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
            <h2 className="mt-6 mb-2 text-sm font-semibold text-slate-900">Attributes</h2>
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

      <Section title="Timeline" description="Interactions, survey responses and cases, newest first.">
        {timeline.data.length === 0 ? (
          <EmptyState title="Nothing here yet">
            Log an interaction or send this customer a survey; it appears here at once.
          </EmptyState>
        ) : (
          <Timeline items={timeline.data} />
        )}
        <nav aria-label="Timeline pages" className="mt-4 flex gap-3 text-sm">
          {before ? (
            <Link href={`/customers/${customer.id}`} className="font-medium text-brand-700 underline">
              Newest
            </Link>
          ) : null}
          {timeline.nextCursor ? (
            <Link
              href={`/customers/${customer.id}?before=${timeline.nextCursor}`}
              className="font-medium text-brand-700 underline"
            >
              Older
            </Link>
          ) : null}
        </nav>
      </Section>

      {notInvited && notInvited.data.length > 0 ? (
        <Section
          title="Not invited"
          description="Invitations this customer was left out of, and why (the newest 10; all through the API)."
        >
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
  );
}
