import { Fragment } from "react";
import Link from "next/link";
import { Send } from "lucide-react";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getWebhook, listDeliveries } from "@/lib/webhooks/service";
import { attemptFailureLabel } from "@/lib/webhooks/address";
import { deliveryListQuery, DELIVERY_STATUSES } from "@/lib/webhooks/schema";
import { EVENT_LABELS, type WebhookEventType } from "@/lib/webhooks/events";
import { formatSchedule, retrySchedule } from "@/lib/webhooks/schedule";
import {
  deleteWebhookAction,
  redeliverAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
  setWebhookActiveAction,
} from "@/app/_actions/webhooks";
import { PageHeader, Section } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ActionForm } from "@/components/ui/action-form";
import { Pagination, hrefWith } from "@/components/ui/pagination";
import { formatDateTime } from "@/components/ui/format";
import { AttemptButton, RotateSecretButton } from "@/components/settings/webhooks/attempt-button";
import { DELIVERY_STATUS, DeliveryStatusBadge } from "@/components/settings/webhooks/delivery-status";

export const dynamic = "force-dynamic";
export const metadata = { title: "Webhook endpoint" };

const PAGE_SIZE = 25;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function WebhookPage({ params, searchParams }: Props) {
  const ctx = await requireCtx("admin");
  const { id } = await params;
  const sp = await searchParams;
  const parsed = deliveryListQuery.safeParse({ status: one(sp.status), cursor: one(sp.cursor), limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : deliveryListQuery.parse({ limit: PAGE_SIZE });
  const endpoint = await orNotFound(getWebhook(ctx, id));
  const log = await listDeliveries(ctx, id, query);
  const path = `/settings/webhooks/${id}`;

  return (
    <>
      <PageHeader
        title="Webhook endpoint"
        description={
          <>
            <Link href="/settings/webhooks" className="underline">
              Webhooks
            </Link>{" "}
            · <span className="font-mono break-all text-slate-800">{endpoint.url}</span>
            {endpoint.description ? ` · ${endpoint.description}` : null}
          </>
        }
      />
      <section
        aria-label="Endpoint"
        className="mb-8 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd className="mt-0.5">
              {endpoint.active ? <Badge tone="ok">Active</Badge> : <Badge>Paused: no new events, no retries</Badge>}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Events</dt>
            <dd className="mt-0.5">
              {endpoint.eventTypes.map((t) => EVENT_LABELS[t as WebhookEventType]?.label ?? t).join(", ")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Signing secret</dt>
            <dd className="mt-0.5 text-slate-800">Shown once when made; rotate it to get a new one.</dd>
          </div>
        </dl>
        <AttemptButton
          action={sendTestEventAction.bind(null, id)}
          label={
            <>
              <Send aria-hidden="true" size={16} /> Send test event
            </>
          }
          pendingLabel="Sending…"
        />
        <div className="flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
          <ActionForm
            action={setWebhookActiveAction.bind(null, id, !endpoint.active)}
            submitLabel={endpoint.active ? "Pause" : "Resume"}
            pendingLabel={endpoint.active ? "Pausing…" : "Resuming…"}
          />
          <RotateSecretButton action={rotateWebhookSecretAction.bind(null, id)} />
          <ActionForm
            action={deleteWebhookAction.bind(null, id)}
            submitLabel="Delete endpoint"
            pendingLabel="Deleting…"
            variant="danger"
            confirm={`Delete the endpoint ${endpoint.url} and its delivery log? Undelivered events are dropped.`}
          />
        </div>
      </section>

      <Section
        title="Delivery log"
        description={`Every event sent to this endpoint, newest first, with each attempt. A failed delivery is tried again after ${formatSchedule(retrySchedule())}; then it has failed for good (“Retry now” still works).`}
      >
        <nav aria-label="Filter by status" className="mb-3 flex flex-wrap gap-2 text-sm">
          {[undefined, ...DELIVERY_STATUSES].map((s) => (
            <Link
              key={s ?? "all"}
              href={hrefWith(path, { status: s })}
              aria-current={query.status === s ? "page" : undefined}
              className={`rounded-full px-3 py-1.5 ring-1 ring-slate-300 ring-inset ${query.status === s ? "bg-slate-900 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
            >
              {s ? DELIVERY_STATUS[s].label : "All"}
            </Link>
          ))}
        </nav>
        {log.data.length === 0 ? (
          <EmptyState title={query.status ? "No deliveries with this status" : "Nothing sent yet"}>
            {query.status
              ? "Choose “All” to see every delivery."
              : "Events appear here as they happen. Use “Send test event” to check the endpoint now."}
          </EmptyState>
        ) : (
          <Table label="Delivery log">
            <THead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Code</Th>
                <Th>Attempts</Th>
                <Th>Next attempt</Th>
              </tr>
            </THead>
            <TBody>
              {log.data.map((d) => (
                <Fragment key={d.id}>
                  <tr data-testid="delivery-row" className="border-b-0!">
                    <Td className="min-w-40">
                      <span className="block font-mono text-xs font-medium">{d.eventType}</span>
                      <span className="block text-xs text-slate-600">{formatDateTime(d.createdAt)}</span>
                    </Td>
                    <Td>
                      <DeliveryStatusBadge status={d.status} />
                    </Td>
                    <Td className="font-mono text-xs">{d.lastStatusCode ?? "—"}</Td>
                    <Td className="whitespace-nowrap">
                      {d.attempts} of {Math.max(d.maxAttempts, d.attempts)}
                    </Td>
                    <Td className="whitespace-nowrap">{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : "—"}</Td>
                  </tr>
                  <tr data-testid="delivery-details">
                    <td colSpan={5} className="px-4 pb-3">
                      <details className="sticky left-4 max-w-[calc(100vw-5rem)] sm:max-w-3xl">
                        <summary className="cursor-pointer text-sm text-brand-700 underline">
                          Payload and attempts
                          <span className="sr-only">
                            {" "}
                            of {d.eventType} {d.eventId}
                          </span>
                        </summary>
                        <p className="mt-2 text-xs text-slate-600">
                          Event id <span className="font-mono break-all">{d.eventId}</span>
                        </p>
                        <pre
                          tabIndex={0}
                          aria-label={`Payload of event ${d.eventId}`}
                          className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100"
                        >
                          {JSON.stringify(d.payload, null, 2)}
                        </pre>
                        <ol className="mt-2 list-decimal pl-5 text-xs text-slate-700">
                          {d.attemptLog.map((a, i) => (
                            <li key={i}>
                              {formatDateTime(a.at)}:{" "}
                              {a.statusCode ? `HTTP ${a.statusCode}` : attemptFailureLabel(a.error)} · {a.durationMs} ms
                            </li>
                          ))}
                        </ol>
                        {d.lastError && d.lastStatusCode === null ? (
                          <p className="mt-1 text-xs text-danger">{attemptFailureLabel(d.lastError)}</p>
                        ) : null}
                        <div className="mt-2">
                          <AttemptButton
                            action={redeliverAction.bind(null, id, d.id)}
                            label="Retry now"
                            pendingLabel="Sending…"
                          />
                        </div>
                      </details>
                    </td>
                  </tr>
                </Fragment>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          path={path}
          params={{ status: query.status }}
          nextCursor={log.nextCursor}
          isFirstPage={!query.cursor}
        />
      </Section>
    </>
  );
}
