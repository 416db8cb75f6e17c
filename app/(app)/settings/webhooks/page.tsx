import Link from "next/link";
import { Webhook } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { listWebhooks } from "@/lib/webhooks/service";
import { EVENT_LABELS, type WebhookEventType } from "@/lib/webhooks/events";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { WebhookForm } from "@/components/settings/webhooks/webhook-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Webhooks" };

const label = (t: string) => EVENT_LABELS[t as WebhookEventType]?.label ?? t;

export default async function WebhooksPage() {
  const ctx = await requireCtx("admin");
  const endpoints = await listWebhooks(ctx);

  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            <Link href="/settings" className="underline">
              Settings
            </Link>{" "}
            · Resonance sends a signed HTTP POST to your systems when something happens, retries while they are down,
            and logs every attempt.
          </>
        }
      />
      <Section
        title="Add an endpoint"
        description="The endpoint must answer 2xx within 10 seconds. You get its signing secret once, right after adding it."
      >
        <WebhookForm />
      </Section>
      <Section title="Endpoints">
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet" icon={<Webhook size={28} />}>
            A webhook tells another system — a CRM, a ticketing tool, a data warehouse — the moment a survey response
            arrives or a follow-up case is opened or resolved, so it does not have to poll the API. Add the URL of a
            receiver above, then send it a test event.
          </EmptyState>
        ) : (
          <Table label="Webhook endpoints">
            <THead>
              <tr>
                <Th>Endpoint</Th>
                <Th>Events</Th>
                <Th>Status</Th>
                <Th>Deliveries</Th>
                <Th className="hidden sm:table-cell">Created</Th>
              </tr>
            </THead>
            <TBody>
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <Td className="max-w-md min-w-56">
                    <Link
                      href={`/settings/webhooks/${e.id}`}
                      className="font-medium break-all text-brand-700 underline"
                    >
                      {e.url}
                    </Link>
                    {e.description ? <span className="block text-xs text-slate-600">{e.description}</span> : null}
                  </Td>
                  <Td className="min-w-40">{e.eventTypes.map(label).join(", ")}</Td>
                  <Td>{e.active ? <Badge tone="ok">Active</Badge> : <Badge>Paused</Badge>}</Td>
                  <Td className="min-w-44 text-xs">
                    <span className="block">{e.deliveries.succeeded} delivered</span>
                    {e.deliveries.pending + e.deliveries.failed > 0 ? (
                      <span className="block text-amber-800">
                        {e.deliveries.pending + e.deliveries.failed} waiting or retrying
                      </span>
                    ) : null}
                    {e.deliveries.dead > 0 ? (
                      <span className="block font-medium text-danger">{e.deliveries.dead} failed for good</span>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">{formatDate(e.createdAt)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
    </>
  );
}
