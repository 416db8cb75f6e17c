// /u/<token> — the unsubscribe link of every invitation e-mail, and the one HTTPS URL of its List-Unsubscribe
// header. GET (a person following the link, or a mail scanner fetching it) changes nothing and shows a page with a
// button; POST — that button, or a mail client's one-click unsubscribe (RFC 8058: body
// "List-Unsubscribe=One-Click") — unsubscribes at once (lib/campaigns/unsubscribe.ts). No session and no CSRF
// token: the signed token in the path is the only credential, and it can only withdraw consent.
import { linkPage, notAValidLink } from "@/lib/campaigns/link-pages";
import { unsubscribe, unsubscribeTarget } from "@/lib/campaigns/unsubscribe";

type Props = { params: Promise<{ token: string }> };

export async function GET(_req: Request, { params }: Props) {
  const { token } = await params;
  const t = await unsubscribeTarget(token);
  if (!t) return notAValidLink();
  return linkPage({
    title: "Unsubscribe from surveys",
    paragraphs: [`${t.orgName} will no longer invite you to surveys, by any channel.`],
    form: { action: `/u/${encodeURIComponent(token)}`, button: "Unsubscribe" },
  });
}

export async function POST(_req: Request, { params }: Props) {
  const { token } = await params;
  const t = await unsubscribe(token);
  if (!t) return notAValidLink();
  return linkPage({
    title: "You are unsubscribed",
    paragraphs: [`${t.orgName} will not invite you to surveys any more. You can close this page.`],
  });
}
