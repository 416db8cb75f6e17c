// Where a campaign's message goes, per channel: the customer's e-mail address for "email", their phone number in
// E.164 form for "sms" (sms/phone.ts). The one place queueing (contact-rules.ts) and sending (worker.ts) read it,
// so both agree on who has no address. Lower-cased, it is also the key of MailSuppression — the addresses and
// numbers that must not be written to again (a bounced e-mail, a number the SMS provider says cannot be texted).
import { toE164 } from "./sms/phone";

export const CAMPAIGN_CHANNELS = ["email", "sms"] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export function channelAddress(
  channel: string,
  customer: { email: string | null; phone?: string | null },
): string | null {
  return channel === "sms" ? toE164(customer.phone) : customer.email || null;
}

/** The suppression reason of a customer without an address on this channel. */
export const noAddressReason = (channel: string) => (channel === "sms" ? "no_phone" : "no_email");
