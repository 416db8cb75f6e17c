import { Fragment } from "react";
import Link from "next/link";
import { Send } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getWebhook, listDeliveries } from "@/lib/webhooks/service";
import { deliveryListQuery, DELIVERY_STATUSES } from "@/lib/webhooks/schema";
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
import { getFormats } from "@/lib/i18n/server";
import { INTL_TAGS } from "@/lib/i18n/config";
import { ClientMessages } from "@/components/i18n/client-messages";
import { eventKey, failureKey } from "@/components/settings/webhooks/labels";
import { AttemptButton, RotateSecretButton } from "@/components/settings/webhooks/attempt-button";
import { DeliveryStatusBadge } from "@/components/settings/webhooks/delivery-status";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("webhookPage.title") };
}

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
  const t = await getTranslations("settings");
  const f = await getFormats();
  const eventLabel = (type: string) => {
    const k = eventKey(type);
    return k ? t(`webhookEvents.${k}.label`) : type;
  };
  const failure = (error: string) => t(`webhookFailures.${failureKey(error)}`);

  return (
    <ClientMessages
      keys={[
        "settings.webhookPage",
        "settings.webhookFailures",
        "settings.webhookEvents",
        "settings.webhookForm",
        "settings.oneTimeSecret",
      ]}
    >
      <PageHeader
        title={t("webhookPage.title")}
        description={
          <>
            <Link href="/settings/webhooks" className="underline">
              {t("webhookPage.back")}
            </Link>{" "}
            · <span className="font-mono break-all text-slate-800">{endpoint.url}</span>
            {endpoint.description ? ` · ${endpoint.description}` : null}
          </>
        }
      />
      <section
        aria-label={t("webhookPage.endpoint")}
        className="mb-8 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("webhookPage.status")}</dt>
            <dd className="mt-0.5">
              {endpoint.active ? (
                <Badge tone="ok">{t("webhookPage.active")}</Badge>
              ) : (
                <Badge>{t("webhookPage.paused")}</Badge>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("webhookPage.events")}</dt>
            <dd className="mt-0.5">{endpoint.eventTypes.map(eventLabel).join(", ")}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("webhookPage.secret")}</dt>
            <dd className="mt-0.5 text-slate-800">{t("webhookPage.secretHint")}</dd>
          </div>
        </dl>
        <AttemptButton
          action={sendTestEventAction.bind(null, id)}
          label={
            <>
              <Send aria-hidden="true" size={16} /> {t("webhookPage.test")}
            </>
          }
          pendingLabel={t("webhookPage.sending")}
        />
        <div className="flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
          <ActionForm
            action={setWebhookActiveAction.bind(null, id, !endpoint.active)}
            submitLabel={endpoint.active ? t("webhookPage.pause") : t("webhookPage.resume")}
            pendingLabel={endpoint.active ? t("webhookPage.pausing") : t("webhookPage.resuming")}
          />
          <RotateSecretButton action={rotateWebhookSecretAction.bind(null, id)} />
          <ActionForm
            action={deleteWebhookAction.bind(null, id)}
            submitLabel={t("webhookPage.delete")}
            pendingLabel={t("webhookPage.deleting")}
            variant="danger"
            confirm={t("webhookPage.deleteConfirm", { url: endpoint.url })}
          />
        </div>
      </section>

      <Section
        title={t("webhookPage.log")}
        description={t("webhookPage.logDescription", {
          schedule: formatSchedule(retrySchedule(), INTL_TAGS[f.locale]),
        })}
      >
        <nav aria-label={t("webhookPage.filter")} className="mb-3 flex flex-wrap gap-2 text-sm">
          {[undefined, ...DELIVERY_STATUSES].map((s) => (
            <Link
              key={s ?? "all"}
              href={hrefWith(path, { status: s })}
              aria-current={query.status === s ? "page" : undefined}
              className={`rounded-full px-3 py-1.5 ring-1 ring-slate-300 ring-inset ${query.status === s ? "bg-slate-900 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
            >
              {s ? t(`webhookStatus.${s}`) : t("webhookPage.all")}
            </Link>
          ))}
        </nav>
        {log.data.length === 0 ? (
          <EmptyState title={query.status ? t("webhookPage.noneWithStatus") : t("webhookPage.nothingYet")}>
            {query.status ? t("webhookPage.chooseAll") : t("webhookPage.appear")}
          </EmptyState>
        ) : (
          <Table label={t("webhookPage.log")}>
            <THead>
              <tr>
                <Th>{t("webhookPage.event")}</Th>
                <Th>{t("webhookPage.status")}</Th>
                <Th>{t("webhookPage.code")}</Th>
                <Th>{t("webhookPage.attempts")}</Th>
                <Th>{t("webhookPage.next")}</Th>
              </tr>
            </THead>
            <TBody>
              {log.data.map((d) => (
                <Fragment key={d.id}>
                  <tr data-testid="delivery-row" className="border-b-0!">
                    <Td className="min-w-40">
                      <span className="block font-mono text-xs font-medium">{d.eventType}</span>
                      <span className="block text-xs text-slate-600">{f.dateTime(d.createdAt)}</span>
                    </Td>
                    <Td>
                      <DeliveryStatusBadge status={d.status} />
                    </Td>
                    <Td className="font-mono text-xs">{d.lastStatusCode ?? "—"}</Td>
                    <Td className="whitespace-nowrap">
                      {t("webhookPage.attemptsOf", { attempts: d.attempts, max: Math.max(d.maxAttempts, d.attempts) })}
                    </Td>
                    <Td className="whitespace-nowrap">{f.dateTime(d.nextAttemptAt)}</Td>
                  </tr>
                  <tr data-testid="delivery-details">
                    <td colSpan={5} className="px-4 pb-3">
                      <details className="sticky left-4 max-w-[calc(100vw-5rem)] sm:max-w-3xl">
                        <summary className="cursor-pointer text-sm text-brand-700 underline">
                          {t.rich("webhookPage.details", {
                            type: d.eventType,
                            id: d.eventId,
                            sr: (chunks) => <span className="sr-only">{chunks}</span>,
                          })}
                        </summary>
                        <p className="mt-2 text-xs text-slate-600">
                          {t.rich("webhookPage.eventId", {
                            id: d.eventId,
                            mono: (chunks) => <span className="font-mono break-all">{chunks}</span>,
                          })}
                        </p>
                        <pre
                          tabIndex={0}
                          aria-label={t("webhookPage.payload", { id: d.eventId })}
                          className="mt-1 max-h-64 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100"
                        >
                          {JSON.stringify(d.payload, null, 2)}
                        </pre>
                        <ol className="mt-2 list-decimal pl-5 text-xs text-slate-700">
                          {d.attemptLog.map((a, i) => (
                            <li key={i}>
                              {t("webhookPage.attempt", {
                                when: f.dateTime(a.at),
                                result: a.statusCode
                                  ? t("webhookPage.http", { code: String(a.statusCode) })
                                  : a.error === null
                                    ? ""
                                    : failure(a.error),
                                ms: f.count(a.durationMs),
                              })}
                            </li>
                          ))}
                        </ol>
                        {d.lastError && d.lastStatusCode === null ? (
                          <p className="mt-1 text-xs text-danger">{failure(d.lastError)}</p>
                        ) : null}
                        <div className="mt-2">
                          <AttemptButton
                            action={redeliverAction.bind(null, id, d.id)}
                            label={t("webhookPage.retry")}
                            pendingLabel={t("webhookPage.sending")}
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
    </ClientMessages>
  );
}
