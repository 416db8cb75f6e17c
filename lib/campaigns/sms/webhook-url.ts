// Where Twilio reaches this server: two public endpoints under PUBLIC_URL (docs/distribution.md, "Replies and
// delivery receipts"). The URLs are made from PUBLIC_URL alone — the signature covers the URL Twilio requested, and
// the request's own Host header is the caller's choice — so without PUBLIC_URL neither endpoint accepts anything
// and no StatusCallback is sent.

export const TWILIO_INBOUND_PATH = "/api/v1/public/sms/twilio/inbound";
export const TWILIO_STATUS_PATH = "/api/v1/public/sms/twilio/status";

type Env = Record<string, string | undefined>;

/** The full public URL of an endpoint, or null when PUBLIC_URL is not set. */
export function twilioWebhookUrl(path: string, env: Env = process.env): string | null {
  const base = env.PUBLIC_URL?.trim().replace(/\/+$/, "");
  return base ? `${base}${path}` : null;
}
