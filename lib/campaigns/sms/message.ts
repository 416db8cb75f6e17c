// The SMS invitation (and its reminders): the organization's name, one short ask, the personal signed link
// /i/<token> (the same link as the e-mail's "Answer the survey": ../email.ts) and "Reply STOP to opt out" —
// the opt-out wording carriers expect; a STOP reply stops texts to the number (replies.ts, and the provider's
// refusal of later sends: ../worker.ts). From an alphanumeric sender ("Acme"), which nobody can reply to, the text
// must not ask for a reply: it carries the unsubscribe link /u/<token> instead ("Opt out: <link>", the e-mail's
// unsubscribe link: app/u). No name of the customer: it is not needed, and it would cost characters and, written
// in another alphabet, make the whole text UCS-2.
//
// One segment where possible (see segments.ts): the first wording, from the friendliest to the shortest, that
// fits one segment wins; an organization name outside the GSM alphabet is tried with its accents dropped
// ("Łódź Store" → "Lodz Store") and then shortened, before the text is allowed to take more segments.
import { invitationLinks } from "../email";
import { countSegments, type SegmentCount } from "./segments";

export type SmsInvitationInput = {
  baseUrl: string;
  invitationId: string;
  orgName: string;
  reminder: boolean;
  /** Whether the recipient can reply to the sender (false: an alphanumeric sender id). Default true. */
  replies?: boolean;
};
export type RenderedSms = { body: string } & SegmentCount;

const REPLY_STOP = "Reply STOP to opt out";

/** The organization name in GSM characters: accents dropped, anything else outside the alphabet removed. */
function gsmName(name: string): string {
  const plain = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[Łł]/g, (c) => (c === "Ł" ? "L" : "l"));
  return [...plain]
    .filter((ch) => countSegments(ch).encoding === "GSM-7")
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export function smsInvitation(m: SmsInvitationInput): RenderedSms {
  const links = invitationLinks(m.baseUrl, m.invitationId);
  const url = links.survey;
  const OPT_OUT = m.replies === false ? `Opt out: ${links.unsubscribe}` : REPLY_STOP;
  const org = m.orgName.trim();
  const wordings = (name: string) =>
    m.reminder
      ? [
          `${name}: a reminder, we would still like your opinion. It takes a minute: ${url} ${OPT_OUT}`,
          `${name}: still time to tell us how we did: ${url} ${OPT_OUT}`,
        ]
      : [
          `${name}: we would like your opinion. It takes less than a minute: ${url} ${OPT_OUT}`,
          `${name}: how did we do? ${url} ${OPT_OUT}`,
        ];
  const plain = gsmName(org);
  const names = [org, ...(plain && plain !== org ? [plain] : [])];
  const candidates = names.flatMap(wordings);
  // Last resort before a second segment: the shortest wording with the name cut to what is left of 160 (with the
  // two links of an alphanumeric sender nothing is left: such a text takes two segments, see sms.test.ts).
  const shortest = wordings("")[1];
  const room = 160 - countSegments(shortest).units - 1;
  if (plain && room >= 3) candidates.push(wordings(`${plain.slice(0, room - 1).trimEnd()}.`)[1]);
  let best: RenderedSms | null = null;
  for (const body of candidates) {
    const c = countSegments(body);
    if (!best || c.segments < best.segments) best = { body, ...c };
    if (c.segments === 1) break;
  }
  return best!;
}
