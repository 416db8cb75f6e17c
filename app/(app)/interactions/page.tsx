import Link from "next/link";
import { MessagesSquare } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listInteractions } from "@/lib/interactions/service";
import { interactionListQuery } from "@/lib/interactions/schema";
import { PageHeader } from "@/components/ui/page-header";
import { CsvLinks } from "@/components/import/csv-links";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatDateTime } from "@/components/ui/format";
import { EmotionLabel, OutcomeBadge } from "@/components/interactions/labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Interactions" };

const PAGE_SIZE = 30;
type Row = Awaited<ReturnType<typeof listInteractions>>["data"][number];
const none = (text = "—") => <span className="text-slate-500">{text}</span>;

const COLUMNS: Column<Row>[] = [
  {
    header: "Time",
    className: "text-slate-700 table-view:whitespace-nowrap",
    cell: (i) => <time dateTime={i.occurredAt.toISOString()}>{formatDateTime(i.occurredAt)}</time>,
  },
  {
    header: "Customer",
    className: "font-medium table-view:whitespace-nowrap",
    cell: (i) => (
      <Link href={`/customers/${i.customer.id}`} className="text-brand-700 hover:underline">
        {i.customer.name ?? i.customer.externalId ?? "Unnamed customer"}
      </Link>
    ),
  },
  { header: "Touchpoint", className: "table-view:min-w-40", cell: (i) => i.touchpoint?.name ?? none() },
  { header: "Channel", className: "table-view:whitespace-nowrap", cell: (i) => i.channel?.name ?? none() },
  {
    header: "Staff",
    className: "table-view:whitespace-nowrap",
    cell: (i) => i.staff?.name ?? none(i.source === "api" ? "API" : "—"),
  },
  { header: "Outcome", cell: (i) => <OutcomeBadge outcome={i.outcome} /> },
  { header: "Emotion", cell: (i) => <EmotionLabel emotion={i.emotion} /> },
  { header: "Note", className: "text-slate-700 table-view:min-w-64", cell: (i) => i.note ?? none() },
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InteractionsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx();
  const sp = await searchParams;
  const cursor = typeof sp.cursor === "string" && sp.cursor ? sp.cursor : undefined;
  // ?touchpointId= narrows the list to one touchpoint (the journey map links here)
  const touchpointId = typeof sp.touchpointId === "string" && sp.touchpointId ? sp.touchpointId : undefined;
  const parsed = interactionListQuery.safeParse({ cursor, limit: PAGE_SIZE, touchpointId });
  const query = parsed.success ? parsed.data : interactionListQuery.parse({ limit: PAGE_SIZE });
  const page = await listInteractions(ctx, query);
  const filterParams: Record<string, string> = query.touchpointId ? { touchpointId: query.touchpointId } : {};

  return (
    <>
      <PageHeader
        title="Interactions"
        description="What happened at each touchpoint, as logged by your team or sent by your systems. Newest first."
        actions={
          <>
            <CsvLinks
              role={ctx.role}
              importHref="/customers/import?kind=interactions"
              exportHref="/api/v1/exports/interactions"
            />
            {hasRole(ctx.role, "agent") ? (
              <Link
                href="/interactions/new"
                className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
              >
                Log interaction
              </Link>
            ) : null}
          </>
        }
      />
      {query.touchpointId ? (
        <p className="mb-4 text-sm text-slate-700">
          Showing interactions at {page.data[0]?.touchpoint?.name ?? "one touchpoint"} only.{" "}
          <Link href="/interactions" className="font-medium text-brand-700 hover:underline">
            Show all interactions
          </Link>
        </p>
      ) : null}
      {page.data.length === 0 ? (
        <EmptyState title="No interactions yet" icon={<MessagesSquare size={28} />}>
          Interactions appear here when staff log them or your systems send them through the REST API (POST
          /api/v1/interactions).
        </EmptyState>
      ) : (
        <DataTable
          label="Interactions"
          rows={page.data}
          rowKey={(i) => i.id}
          rowClassName={() => "table-view:hover:bg-slate-50"}
          tableFrom="4xl"
          columns={COLUMNS}
        />
      )}
      <Pagination path="/interactions" params={filterParams} nextCursor={page.nextCursor} isFirstPage={!query.cursor} />
    </>
  );
}
