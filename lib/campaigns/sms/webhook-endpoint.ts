// The two public endpoints Twilio calls (docs/distribution.md, "Replies and delivery receipts"): inbound messages
// (replies.ts) and status callbacks (receipts.ts). Anyone on the internet can reach them, so each request, in order:
//
// 1. Body size: a Content-Length over 16 KiB is a 413 before a byte is read, and a longer chunked body stops being
//    read at the limit (Twilio's largest form, an inbound message with ten media URLs, is a few KiB).
// 2. Signature: X-Twilio-Signature must be Twilio's for the URL made from PUBLIC_URL (webhook-url.ts; never the
//    Host header) and every POST parameter (signature.ts, timing-safe), with TWILIO_AUTH_TOKEN; and AccountSid must
//    be TWILIO_ACCOUNT_SID. Anything else — no signature, a wrong one, another account, another content type, no
//    PUBLIC_URL or Twilio set-up on this server — is one and the same 403 problem+json that says nothing about why.
// 3. Rate: refused requests count against the caller's network (30 a minute, or RESONANCE_PUBLIC_RATE_LIMITS' per
//    client figure, as for public responses: docs/security/limits.md); past it the answer is 429 with Retry-After.
//    Signed requests are Twilio's and are not limited: Twilio's own callbacks for a busy outbox would otherwise be.
// 4. Then the service, and 200 with an empty TwiML document (<Response/>, text/xml), whatever it did: nothing of
//    the request is ever echoed (no request id taken from the caller either: it is always made here).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ForbiddenError } from "../../errors";
import { clientIp } from "../../http/client-ip";
import { payloadTooLarge, type ApiRequest } from "../../http/request";
import { registerRoute } from "../../http/route-meta";
import { toProblem } from "../../http/to-problem";
import { consume, perClientLimit, RateLimitedError, retryAfterSeconds } from "../../rate-limit/service";
import { publicResponseLimits } from "../../surveys/settings";
import { validTwilioSignature } from "./signature";
import { twilioWebhookUrl } from "./webhook-url";

export const MAX_TWILIO_FORM_BYTES = 16 * 1024;
const MINUTE = 60_000;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

type Env = Record<string, string | undefined>;

/** How much of a refused body is still read and dropped (see drain); past it the connection is given up. */
const DRAIN_BYTES = 1024 * 1024;

/**
 * Reads and drops, in the background, what is left of a body refused as too large: the client is still sending, and
 * an unread body stalls the connection (the answer may never reach it, and the next request on it waits forever).
 * As lib/import/csv.ts does for uploads.
 */
function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  void (async () => {
    let extra = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        extra += value.byteLength;
        if (extra > DRAIN_BYTES) return void (await reader.cancel());
      }
    } catch {
      /* the client went away */
    }
  })();
}

/** The body as text, at most `max` bytes (413 beyond), read as it streams. */
async function readCapped(req: Request, max: number): Promise<string> {
  const reader = req.body?.getReader();
  if (!reader) return "";
  if (Number(req.headers.get("content-length") ?? 0) > max) {
    drain(reader);
    throw payloadTooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      drain(reader);
      throw payloadTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const refused = () => new ForbiddenError("This request is not accepted.");

/** The form of a request that Twilio signed for this server's `path`; throws the 403 (or 429) otherwise. */
async function verifiedForm(req: Request, path: string, env: Env): Promise<URLSearchParams> {
  const text = await readCapped(req, MAX_TWILIO_FORM_BYTES);
  const url = twilioWebhookUrl(path, env);
  const token = env.TWILIO_AUTH_TOKEN?.trim();
  const account = env.TWILIO_ACCOUNT_SID?.trim();
  const form = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")
    ? new URLSearchParams(text)
    : null;
  const ok =
    !!url &&
    !!token &&
    !!account &&
    !!form &&
    validTwilioSignature(token, req.headers.get("x-twilio-signature"), url, form) &&
    form.get("AccountSid") === account;
  if (ok) return form;
  const limit = publicResponseLimits(env.RESONANCE_PUBLIC_RATE_LIMITS).perClientPerMinute;
  for (const l of perClientLimit("twilio-refused", clientIp(req.headers), { limit, windowMs: MINUTE })) {
    if (!Number.isFinite(l.limit)) break;
    const r = await consume(l.key, l);
    if (!r.allowed) throw new RateLimitedError(retryAfterSeconds(r.resetAt));
  }
  throw refused();
}

function twiml(): Response {
  return new Response(EMPTY_TWIML, {
    status: 200,
    headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" },
  });
}

/** What the OpenAPI document shows of the form Twilio posts (the handler reads the raw form: the signature covers it). */
export const inboundForm = z.looseObject({
  AccountSid: z.string().describe("Must be TWILIO_ACCOUNT_SID"),
  MessageSid: z.string(),
  From: z.string().describe("The sender, E.164"),
  To: z.string(),
  Body: z.string().describe("STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE; START, UNSTOP, YES"),
});
export const statusForm = z.looseObject({
  AccountSid: z.string().describe("Must be TWILIO_ACCOUNT_SID"),
  MessageSid: z.string().describe("The sid Twilio answered when it took the message: the only key looked up"),
  MessageStatus: z.string().describe("delivered, undelivered, failed (final); others are ignored"),
  ErrorCode: z.string().optional().describe("30003, 30005, 30006: the number cannot receive SMS"),
});

/** A Twilio endpoint at `path`: verifies the request, then hands the form to `act`. */
export function twilioEndpoint(path: string, act: (form: URLSearchParams) => Promise<unknown>, docs: z.ZodType) {
  return registerRoute(
    async (req: ApiRequest): Promise<Response> => {
      const requestId = randomUUID();
      try {
        await act(await verifiedForm(req as Request, path, process.env));
        return twiml();
      } catch (error) {
        const response = toProblem(error, requestId, path);
        if (error instanceof RateLimitedError) response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
    },
    {
      access: { kind: "public" },
      body: docs,
      request: "form",
      response: "xml",
      forbidden: "Not signed by Twilio for this server (X-Twilio-Signature, AccountSid): one answer whatever was wrong",
    },
  );
}
