import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { getCustomer } from "@/lib/customers/service";
import { listInteractions } from "@/lib/interactions/service";
import { interactionListQuery } from "@/lib/interactions/schema";
import { listResponses } from "@/lib/responses/service";
import { responseListQuery } from "@/lib/responses/schema";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { ConsentBadge, TagList } from "@/components/customers/consent-badge";
import { EmotionLabel, OutcomeBadge, ScoreLabel } from "@/components/interactions/labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Customer" };

const RECENT = 20;

function Fact({ label, children, raw = false }: { label: string; children: React.ReactNode; raw?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className={raw ? "font-mono text-xs text-slate-600" : "text-xs font-medium tracking-wide text-slate-600 uppercase"}>{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  const customer = await orNotFound(getCustomer(ctx, id));
  const [interactions, responses] = await Promise.all([
    listInteractions(ctx, interactionListQuery.parse({ customerId: customer.id, limit: RECENT })),
    listResponses(ctx, responseListQuery.parse({ customerId: customer.id, limit: RECENT })),
  ]);
  const attributes = Object.entries(customer.attributes);
  const title = customer.name ?? customer.email ?? customer.externalId ?? "Unnamed customer";

  return (
    <>
      <p className="mb-3">
        <Link href="/customers" className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
          <ArrowLeft aria-hidden="true" size={16} /> All customers
        </Link>
      </p>
      <PageHeader
        title={title}
        description={<>Customer since {formatDate(customer.createdAt)}</>}
        actions={
          hasRole(ctx.role, "agent") ? (
            <Link href={`/interactions/new?customerId=${customer.id}`} className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
              Log interaction
            </Link>
          ) : null
        }
      />

      <section aria-label="Profile" className="mb-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label="E-mail">{customer.email ?? "—"}</Fact>
          <Fact label="Phone">{customer.phone ?? "—"}</Fact>
          <Fact label="External id">{customer.externalId ? <span className="font-mono text-xs">{customer.externalId}</span> : "—"}</Fact>
          <Fact label="Consent to surveys">
            <ConsentBadge consent={customer.consent} />
            {customer.consentAt ? <span className="ml-2 text-xs text-slate-600">set {formatDate(customer.consentAt)}</span> : null}
          </Fact>
          <Fact label="Tags">
            <TagList tags={customer.tags} />
          </Fact>
          <Fact label="Last seen">{formatDateTime(customer.lastSeenAt)}</Fact>
        </dl>
        {attributes.length ? (
          <>
            <h2 className="mt-6 mb-2 text-sm font-semibold text-slate-900">Attributes</h2>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
              {attributes.map(([k, v]) => (
                <Fact key={k} label={k} raw>
                  {v === null || v === "" ? "—" : String(v)}
                </Fact>
              ))}
            </dl>
          </>
        ) : null}
      </section>

      <div className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <Section title="Interactions" description={`The ${RECENT} newest.`}>
          {interactions.data.length === 0 ? (
            <EmptyState title="No interactions logged yet" />
          ) : (
            <ol className="flex flex-col gap-3">
              {interactions.data.map((i) => (
                <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-sm font-medium text-slate-900">{i.touchpoint?.name ?? "No touchpoint"}</span>
                    <time dateTime={i.occurredAt.toISOString()} className="text-xs text-slate-600">
                      {formatDateTime(i.occurredAt)}
                    </time>
                  </div>
                  <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
                    <OutcomeBadge outcome={i.outcome} />
                    <EmotionLabel emotion={i.emotion} />
                    {i.channel ? <span>{i.channel.name}</span> : null}
                    {i.staff ? <span>by {i.staff.name}</span> : null}
                  </div>
                  {i.note ? <p className="mt-2 text-sm text-slate-800">{i.note}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </Section>

        <Section title="Survey responses" description={`The ${RECENT} newest.`}>
          {responses.data.length === 0 ? (
            <EmptyState title="No survey responses yet" />
          ) : (
            <ol className="flex flex-col gap-3">
              {responses.data.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-sm font-medium text-slate-900">{r.survey.name}</span>
                    <time dateTime={r.submittedAt.toISOString()} className="text-xs text-slate-600">
                      {formatDateTime(r.submittedAt)}
                    </time>
                  </div>
                  <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
                    <ScoreLabel metric={r.metric} score={r.score} category={r.category} />
                    {r.touchpoint ? <span>at {r.touchpoint.name}</span> : null}
                    {!r.completed ? <span className="text-slate-500">(partial)</span> : null}
                  </div>
                  {r.comment ? <blockquote className="mt-2 border-l-2 border-slate-200 pl-3 text-sm text-slate-800">{r.comment}</blockquote> : null}
                </li>
              ))}
            </ol>
          )}
        </Section>
      </div>
    </>
  );
}
