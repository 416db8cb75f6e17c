// The suppression log as a list (docs/distribution.md, "Suppression log"): per customer and send, why they were
// not invited. On a campaign's page (a column for the customer) and on a customer's page (a column for the send).
import Link from "next/link";
import type { SuppressionDto } from "@/lib/campaigns/suppression-log";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";

const STAGE = { queue: "when the wave was queued", send: "when it was to be sent" } as Record<string, string>;

function send(r: SuppressionDto) {
  if (r.campaign)
    return (
      <Link href={`/surveys/campaigns/${r.campaign.id}`} className="underline">
        {r.campaign.name ?? "Campaign"}
      </Link>
    );
  if (r.caseId)
    return (
      <Link href={`/cases/${r.caseId}`} className="underline">
        Re-survey after a case
      </Link>
    );
  return r.source;
}

export function SuppressionTable({ rows, show }: { rows: SuppressionDto[]; show: "customer" | "send" }) {
  const who: Column<SuppressionDto> =
    show === "customer"
      ? {
          header: "Customer",
          cell: (r) => (
            <Link href={`/customers/${r.customer.id}`} className="font-medium underline">
              {r.customer.name ?? r.customer.externalId ?? "Unnamed customer"}
            </Link>
          ),
        }
      : { header: "Send", cell: send };
  const columns: Column<SuppressionDto>[] = [
    who,
    { header: "Why not", cell: (r) => <span data-testid="suppression-text">{r.text}</span> },
    {
      header: "Checked",
      cell: (r) => (
        <>
          {formatDateTime(r.at)}
          <span className="block text-xs text-slate-700">{STAGE[r.stage] ?? r.stage}</span>
        </>
      ),
    },
  ];
  return <DataTable label="Not invited" rows={rows} rowKey={(r) => r.id} columns={columns} />;
}
