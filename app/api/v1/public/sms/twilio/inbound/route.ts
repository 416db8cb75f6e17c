// Twilio's webhook for messages people send to the server's SMS sender (lib/campaigns/sms/webhook-endpoint.ts,
// replies.ts; docs/distribution.md "Replies").
import { recordSmsReply } from "@/lib/campaigns/sms/replies";
import { inboundForm, twilioEndpoint } from "@/lib/campaigns/sms/webhook-endpoint";
import { TWILIO_INBOUND_PATH } from "@/lib/campaigns/sms/webhook-url";

// POST /api/v1/public/sms/twilio/inbound – an inbound SMS, as Twilio posts it (form-encoded, signed with
// X-Twilio-Signature over PUBLIC_URL + this path and every parameter). STOP (STOPALL, UNSUBSCRIBE, CANCEL, END,
// QUIT, OPTOUT, REVOKE) stops SMS to the number from every organization that texted it; START (UNSTOP, YES)
// allows them again; any other text, or a MessageSid already acted on (a replay), is ignored. 200 with an empty
// TwiML <Response/>; 403 unsigned, wrongly signed or another account (one answer for all); 413 over 16 KiB; 429
// too many refused requests.
export const POST = twilioEndpoint(
  TWILIO_INBOUND_PATH,
  (form) => recordSmsReply(form.get("MessageSid") ?? "", form.get("From") ?? "", form.get("Body") ?? ""),
  inboundForm,
);
