// Twilio's Messages REST API, the one SMS wire format implemented (provider.ts): POST
// {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From (or MessagingServiceSid) and Body,
// HTTP basic auth with the account SID and auth token, and — when PUBLIC_URL is set — StatusCallback, the URL of
// the delivery receipts endpoint (webhook-url.ts, receipts.ts). 201 with the message resource ({ "sid": "SM…", "status":
// "queued", … }) means Twilio took it; an error is { "code": 21211, "message": "…", "status": 400 }.
//
// What an error means for the worker (classifyTwilio, tested on its own):
// - the number cannot receive SMS — 21211 invalid 'To' number, 21214 cannot be reached, 21217 not a valid phone
//   number, 21401 invalid phone number, 21407 number type without SMS, 21612 not reachable by SMS, 21614 not a
//   mobile number → "invalid_number": the invitation bounces and the number is not texted again;
// - 21610, the recipient replied STOP to this sender (Twilio refuses every later message to them) → "opted_out";
// - the account or sender is wrong (20003 authentication, 20404 / HTTP 404 no such account, 21212 / 21606 /
//   21659 / 21660 a From the account cannot send from, 21703 / 21704 a Messaging Service without senders), too many
//   requests (20429, HTTP 429), Twilio failing (5xx), no answer (network, timeout) → retry, with backoff;
// - any other refusal of the request (400: an empty or too long body 21602 / 21617, a region not enabled 21408,
//   …) → "rejected": the message is dead and nothing is learnt about the number.
import { toE164 } from "./phone";
import type { SmsOutcome, SmsProvider } from "./types";
import { TWILIO_STATUS_PATH, twilioWebhookUrl } from "./webhook-url";

/** Twilio's API host: the default of TWILIO_API_BASE_URL. */
export const TWILIO_API_BASE_URL = "https://api.twilio.com";
const TIMEOUT_MS = 15_000;

const INVALID_NUMBER = new Set([21211, 21214, 21217, 21401, 21407, 21612, 21614]);
const OPTED_OUT = 21610;
const SETUP = new Set([20003, 20404, 20429, 21212, 21606, 21659, 21660, 21703, 21704]);

/** What a Twilio error answer means (code: Twilio's error code when its JSON carried one). */
export function classifyTwilio(httpStatus: number, code: number | null): SmsOutcome {
  const label = code !== null ? `twilio_${code}` : `http_${httpStatus}`;
  if (code === OPTED_OUT) return { status: "permanent", reason: "opted_out", code: label };
  if (code !== null && INVALID_NUMBER.has(code)) return { status: "permanent", reason: "invalid_number", code: label };
  if ((code !== null && SETUP.has(code)) || [401, 403, 404, 408, 429].includes(httpStatus) || httpStatus >= 500)
    return { status: "retry", code: label };
  return { status: "permanent", reason: "rejected", code: label };
}

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  /** A sender number (E.164) or alphanumeric sender id; or, instead, a Messaging Service. */
  from?: string;
  messagingServiceSid?: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** Sent as each message's StatusCallback: where Twilio reports delivery (receipts.ts); none without PUBLIC_URL. */
  statusCallback?: string | null;
};

export function twilioProvider(cfg: TwilioConfig): SmsProvider {
  const base = (cfg.baseUrl || TWILIO_API_BASE_URL).replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${cfg.accountSid}:${cfg.authToken}`).toString("base64")}`;
  return {
    name: "twilio",
    // A Messaging Service sends from its numbers; a From that is not a number is an alphanumeric sender id.
    replies: Boolean(cfg.messagingServiceSid) || toE164(cfg.from) !== null,
    async send(to, body) {
      const form = new URLSearchParams({ To: to, Body: body });
      if (cfg.messagingServiceSid) form.set("MessagingServiceSid", cfg.messagingServiceSid);
      else form.set("From", cfg.from!);
      if (cfg.statusCallback) form.set("StatusCallback", cfg.statusCallback);
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: {
            Authorization: auth,
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
          },
          body: form,
          redirect: "manual",
          signal: AbortSignal.timeout(cfg.timeoutMs ?? TIMEOUT_MS),
        });
      } catch (error) {
        const e = error as { name?: string; cause?: { code?: unknown } };
        const code = e?.name === "TimeoutError" ? "timeout" : String(e?.cause?.code ?? "network_error");
        return { status: "retry", code };
      }
      const json = (await res.json().catch(() => null)) as { sid?: unknown; code?: unknown } | null;
      if (res.status >= 200 && res.status < 300) {
        const sid = typeof json?.sid === "string" ? json.sid.slice(0, 200) : null;
        return { status: "accepted", id: sid };
      }
      return classifyTwilio(res.status, typeof json?.code === "number" ? json.code : null);
    },
  };
}

type Env = Record<string, string | undefined>;

/** The provider the environment configures; throws naming the first missing or malformed variable. */
export function twilioFromEnv(env: Env): SmsProvider {
  const need = (name: string) => {
    const v = env[name]?.trim();
    if (!v) throw new Error(`SMS_PROVIDER=twilio needs ${name}.`);
    return v;
  };
  const accountSid = need("TWILIO_ACCOUNT_SID");
  const authToken = need("TWILIO_AUTH_TOKEN");
  const messagingServiceSid = env.TWILIO_MESSAGING_SERVICE_SID?.trim() || undefined;
  const from = env.TWILIO_FROM?.trim() || undefined;
  if (!from && !messagingServiceSid)
    throw new Error("SMS_PROVIDER=twilio needs TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID).");
  const baseUrl = env.TWILIO_API_BASE_URL?.trim() || TWILIO_API_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`TWILIO_API_BASE_URL is not a URL: ${baseUrl}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`TWILIO_API_BASE_URL must be an http(s) URL: ${baseUrl}`);
  const statusCallback = twilioWebhookUrl(TWILIO_STATUS_PATH, env);
  return twilioProvider({ accountSid, authToken, from, messagingServiceSid, baseUrl, statusCallback });
}
