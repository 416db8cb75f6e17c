import Link from "next/link";
import { orNotFound, requireCtx } from "@/lib/auth/action";
import { getCampaign } from "@/lib/campaigns/service";
import { listCampaignSuppressions } from "@/lib/campaigns/suppression-log";
import { PageHeader, Section } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { SuppressionTable } from "@/components/campaigns/suppression-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaign" };

const SHOWN = 100;

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx("manager");
  const { id } = await params;
  const campaign = await orNotFound(getCampaign(ctx, id));
  const log = await listCampaignSuppressions(ctx, campaign.id, { limit: SHOWN });
  const f = campaign.funnel;
  return (
    <>
      <BackLink href="/surveys/campaigns">All campaigns</BackLink>
      <PageHeader
        title={campaign.name}
        description={
          <>
            {campaign.survey.name} → {campaign.audience?.name ?? "audience deleted"} · {formatCount(f.invited)} invited,{" "}
            {formatCount(f.sent)} sent, {formatCount(f.suppressed)} not invited
          </>
        }
      />
      <Section
        title="Not invited"
        description={
          <>
            Who this campaign left out and why, newest first: the customer&apos;s state, a bouncing address, or the{" "}
            <Link href="/settings#contact-rules" className="underline">
              contact rules
            </Link>{" "}
            of the organization.
          </>
        }
      >
        {log.data.length === 0 ? (
          <EmptyState title="Everyone was invited">Nobody has been left out of this campaign so far.</EmptyState>
        ) : (
          <SuppressionTable rows={log.data} show="customer" />
        )}
        {log.nextCursor ? (
          <p className="mt-2 text-sm text-slate-700">
            The {SHOWN} newest; the rest through GET /api/v1/campaigns/{campaign.id}/suppressions.
          </p>
        ) : null}
      </Section>
    </>
  );
}
