// Twilio's request signature (X-Twilio-Signature) on what it POSTs to us — inbound messages and status callbacks:
// base64(HMAC-SHA1(auth token, the full URL Twilio requested + every POST parameter's name and value, concatenated
// in the order of the names)). Names that occur twice contribute each value, in value order, as Twilio's libraries
// do. The URL is the one the server was configured with (PUBLIC_URL: webhook-url.ts), never the request's Host
// header, which the caller chooses. The comparison is timing-safe.
import { createHmac, timingSafeEqual } from "node:crypto";

/** The signature Twilio sends for a POST of `params` to `url`. */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const pairs = [...params.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const hmac = createHmac("sha1", authToken).update(url, "utf8");
  for (const [name, value] of pairs) hmac.update(name + value, "utf8");
  return hmac.digest("base64");
}

/** Whether `signature` (the header, maybe missing) is Twilio's for this request. */
export function validTwilioSignature(
  authToken: string,
  signature: string | null,
  url: string,
  params: URLSearchParams,
): boolean {
  if (!signature || !authToken) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params), "utf8");
  const given = Buffer.from(signature, "utf8");
  // timingSafeEqual needs equal lengths; a length mismatch says nothing about the secret (SHA-1 signatures always
  // have the same length).
  return given.length === expected.length && timingSafeEqual(given, expected);
}
