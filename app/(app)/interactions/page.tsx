import Link from "next/link";
import { MessagesSquare } from "lucide-react";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { listInteractions } from "@/lib/interactions/service";
import { interactionListQuery } from "@/lib/interactions/schema";
import { PageHeader } from "@/components/ui/page-header";
import { CsvLinks } from "@/components/import/csv-links";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { formatDateTime } from "@/components/ui/format";
import { EmotionLabel, OutcomeBadge } from "@/components/interactions/labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Interactions" };

const PAGE_SIZE = 30;
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
        <Table label="Interactions">
          <THead>
            <tr>
              <Th>Time</Th>
              <Th>Customer</Th>
              <Th>Touchpoint</Th>
              <Th>Channel</Th>
              <Th>Staff</Th>
              <Th>Outcome</Th>
              <Th>Emotion</Th>
              <Th>Note</Th>
            </tr>
          </THead>
          <TBody>
            {page.data.map((i) => (
              <tr key={i.id} className="hover:bg-slate-50">
                <Td className="whitespace-nowrap text-slate-700">
                  <time dateTime={i.occurredAt.toISOString()}>{formatDateTime(i.occurredAt)}</time>
                </Td>
                <Td className="font-medium whitespace-nowrap">
                  <Link href={`/customers/${i.customer.id}`} className="text-brand-700 hover:underline">
                    {i.customer.name ?? i.customer.externalId ?? "Unnamed customer"}
                  </Link>
                </Td>
                <Td className="min-w-40">{i.touchpoint?.name ?? <span className="text-slate-500">—</span>}</Td>
                <Td className="whitespace-nowrap">{i.channel?.name ?? <span className="text-slate-500">—</span>}</Td>
                <Td className="whitespace-nowrap">
                  {i.staff?.name ?? <span className="text-slate-500">{i.source === "api" ? "API" : "—"}</span>}
                </Td>
                <Td>
                  <OutcomeBadge outcome={i.outcome} />
                </Td>
                <Td>
                  <EmotionLabel emotion={i.emotion} />
                </Td>
                <Td className="min-w-64 text-slate-700">{i.note ?? <span className="text-slate-500">—</span>}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination path="/interactions" params={filterParams} nextCursor={page.nextCursor} isFirstPage={!query.cursor} />
    </>
  );
}
