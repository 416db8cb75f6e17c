import { route } from "@/lib/http/handler";
import { idParams } from "@/lib/http/id";
import { campaignRatesQuery } from "@/lib/campaigns/schema";
import { getCampaignRates } from "@/lib/campaigns/rates";

// GET /api/v1/campaigns/:id/response-rates – the campaign's response rates (docs/metrics.md, "Response rate of
// invitations"), for every wave or for `?wave=<number>` (400 naming `wave` when the campaign has no such wave).
// Fields: `funnel` (invited, queued, sent, delivered, bounced, failed, suppressed, cancelled, started, completed);
// `responseRate` and `completionRate` ({ answered, delivered, rate, low, high, enough }: started resp. completed of
// delivered in %, with the Wilson 95 % interval; `enough` from 30 delivered; rate null when nothing was delivered);
// `waves` (the last 50, newest first: id, number, scheduledAt, status, funnel, responseRate); `reminders` (per
// `message` — 0 the invitation, k the k-th reminder — `sent`, and `answered` / `completed`: invitations whose first
// answer came after that message and before the next); `nonResponse` (`respondents` and `nonRespondents` among the
// delivered invitations, `enough` when both are at least 30, `tested`, `flagged`, `omittedTags`, and `rows` per
// `attribute` — segment, tenure, lastOutcome — and `category`: the counts, `respondentShare` and
// `nonRespondentShare` in %, `difference` in points, `z`, `pValue`, `adjustedP` (Benjamini–Hochberg), `flagged`
// (adjusted p ≤ 0.05), and `reason` — too_few or sparse — when it was not tested)
export const GET = route(
  { role: "manager", scope: "org", params: idParams, query: campaignRatesQuery },
  ({ ctx, params, query }) => getCampaignRates(ctx, params.id, query.wave),
);
