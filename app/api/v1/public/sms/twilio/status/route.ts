// Twilio's status callbacks for the SMS the campaign worker sent (lib/campaigns/sms/webhook-endpoint.ts,
// receipts.ts; docs/distribution.md "Delivery receipts").
import { recordSmsStatus } from "@/lib/campaigns/sms/receipts";
import { statusForm, twilioEndpoint } from "@/lib/campaigns/sms/webhook-endpoint";
import { TWILIO_STATUS_PATH } from "@/lib/campaigns/sms/webhook-url";

// POST /api/v1/public/sms/twilio/status – a delivery receipt, as Twilio posts it to the StatusCallback each SMS
// carries (form-encoded, signed like the inbound webhook). The message is found by MessageSid alone: delivered →
// its delivery time; undelivered or failed with 30003, 30005 or 30006 → the number is bouncing and the
// invitation bounced; another error → delivery failed. An unknown sid changes nothing. 200 with an empty TwiML
// <Response/>; 403 unsigned, wrongly signed or another account; 413 over 16 KiB; 429 too many refused requests.
export const POST = twilioEndpoint(
  TWILIO_STATUS_PATH,
  (form) => {
    const code = form.get("ErrorCode");
    return recordSmsStatus({
      messageSid: form.get("MessageSid") ?? "",
      status: form.get("MessageStatus") ?? "",
      errorCode: code && /^\d{1,9}$/.test(code) ? Number(code) : null,
    });
  },
  statusForm,
);
