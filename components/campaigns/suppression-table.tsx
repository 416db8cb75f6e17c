// The suppression log as a list (docs/distribution.md, "Suppression log"): per customer and send, why they were
// not invited. On a campaign's page (a column for the customer) and on a customer's page (a column for the send).
// The reason is worded here in the page's language from its code (the API's `text` stays English).
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SuppressionDto } from "@/lib/campaigns/suppression-log";
import { daysSinceContact } from "@/lib/campaigns/suppression-text";
import { DataTable, type Column } from "@/components/ui/data-table";
import { useFormats } from "@/components/i18n/use-formats";

const SIMPLE_REASONS = [
  "opted_out",
  "no_email",
  "no_external_id",
  "bouncing",
  "sms_stop",
  "erased",
  "quiet_hours",
] as const;
type SimpleReason = (typeof SIMPLE_REASONS)[number];
const isSimple = (r: string): r is SimpleReason => (SIMPLE_REASONS as readonly string[]).includes(r);

export function SuppressionTable({ rows, show }: { rows: SuppressionDto[]; show: "customer" | "send" }) {
  const t = useTranslations("surveys.rates.suppression");
  const f = useFormats();

  function reason(r: SuppressionDto): string {
    if (r.reason === "recently_invited") {
      const days = daysSinceContact(r.lastContactAt, new Date(r.at));
      return days === null ? t("invitedRecently") : t("reason.recently_invited", { days });
    }
    return isSimple(r.reason) ? t(`reason.${r.reason}`) : r.text;
  }

  function send(r: SuppressionDto) {
    if (r.campaign)
      return (
        <Link href={`/surveys/campaigns/${r.campaign.id}`} className="underline">
          {r.campaign.name ?? t("campaign")}
        </Link>
      );
    if (r.caseId)
      return (
        <Link href={`/cases/${r.caseId}`} className="underline">
          {t("resurvey")}
        </Link>
      );
    return r.source;
  }

  const who: Column<SuppressionDto> =
    show === "customer"
      ? {
          header: t("customer"),
          cell: (r) => (
            <Link href={`/customers/${r.customer.id}`} className="font-medium underline">
              {r.customer.name ?? r.customer.externalId ?? t("unnamed")}
            </Link>
          ),
        }
      : { header: t("send"), cell: send };
  const columns: Column<SuppressionDto>[] = [
    who,
    { header: t("why"), cell: (r) => <span data-testid="suppression-text">{reason(r)}</span> },
    {
      header: t("checked"),
      cell: (r) => (
        <>
          {f.dateTime(r.at)}
          <span className="block text-xs text-slate-700">
            {r.stage === "queue" || r.stage === "send" ? t(`stage.${r.stage}`) : r.stage}
          </span>
        </>
      ),
    },
  ];
  return <DataTable label={t("label")} rows={rows} rowKey={(r) => r.id} columns={columns} />;
}
