// /i/<token>[?score=N] — the survey and one-click score links of an invitation e-mail: a GET that records nothing
// and redirects (303) to the hosted survey with the customer's signed identity (lib/campaigns/links.ts).
import { invitationSurveyUrl } from "@/lib/campaigns/links";
import { notAValidLink } from "@/lib/campaigns/link-pages";

type Props = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Props) {
  const { token } = await params;
  const to = await invitationSurveyUrl(token, new URL(req.url).searchParams.get("score"));
  if (!to) return notAValidLink();
  return new Response(null, {
    status: 303,
    headers: { location: to, "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}
