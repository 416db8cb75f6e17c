// The device class stored on a response (Response.userAgentCategory). Deliberately coarse: the full
// user-agent string is not stored. Bots first (crawlers and headless browsers also claim "Mobile" or
// "Chrome"), then tablets (iPad, Android without "Mobile"), then phones; everything else is a desktop.

export type UserAgentCategory = "desktop" | "mobile" | "tablet" | "bot";

const BOT =
  /bot\b|bot\/|crawl|spider|slurp|headless|lighthouse|pingdom|monitor|preview|curl\/|wget\/|python-|httpclient|okhttp|go-http-client|java\/|axios\/|node-fetch|undici|^node$|postman/i;
const TABLET = /ipad|tablet|kindle|silk\/|playbook|nexus (7|9|10)|sm-t\d|(android(?!.*mobile))/i;
const MOBILE = /mobi|iphone|ipod|windows phone|blackberry|bb10|opera mini|iemobile|android.*mobile/i;

export function userAgentCategory(userAgent: string | null | undefined): UserAgentCategory | null {
  const ua = userAgent?.trim().slice(0, 1000);
  if (!ua) return null;
  if (BOT.test(ua)) return "bot";
  if (TABLET.test(ua)) return "tablet";
  if (MOBILE.test(ua)) return "mobile";
  return "desktop";
}
