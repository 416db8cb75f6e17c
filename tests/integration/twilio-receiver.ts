// A stand-in for Twilio's Messages API on a free loopback port — the one stand-in of the SMS tests (README.md,
// "What is real in the tests"): it speaks the wire format lib/campaigns/sms/twilio.ts sends and reads, as Twilio
// documents it. POST /2010-04-01/Accounts/<sid>/Messages.json, form-encoded To, From or MessagingServiceSid, Body,
// HTTP basic auth with the account SID and auth token. Answers 201 with a message resource ({ sid: "SM…",
// status: "queued", … }) or Twilio's error shape ({ code, message, status }) — chosen per number by `respond`.
// A wrong path or wrong credentials answer as Twilio does (404 code 20404, 401 code 20003).
// It also plays Twilio's side of the webhooks: `report` POSTs a status callback for a message it took to the
// StatusCallback that message carried, and `reply` POSTs an inbound message to a URL — form-encoded and signed
// with X-Twilio-Signature as Twilio signs (base64 HMAC-SHA1 of the URL and the sorted parameters, written out here
// on its own rather than with the code under test).
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import { freePort } from "../server";

export type TwilioRequest = {
  path: string;
  to: string;
  from: string | null;
  service: string | null;
  body: string;
  statusCallback: string | null;
};
/** What a webhook POST from "Twilio" got back. */
export type WebhookAnswer = { status: number; contentType: string; text: string; headers: Headers };
export type TwilioAnswer = { status: number; code?: number } | null;

export type TwilioReceiver = {
  url: string;
  accountSid: string;
  authToken: string;
  /** Every request that passed authentication, in arrival order (also those answered with an error). */
  requests: TwilioRequest[];
  /** The messages answered 201, with their sid. */
  accepted: Array<TwilioRequest & { sid: string }>;
  env: Record<string, string>;
  /** A status callback for an accepted message, to its StatusCallback (MessageStatus, and ErrorCode if given). */
  report: (sid: string, status: string, errorCode?: number) => Promise<WebhookAnswer>;
  /** An inbound message from `from` to the sender, POSTed to `url` (the server's inbound endpoint). */
  reply: (url: string, from: string, body: string) => Promise<WebhookAnswer>;
  stop: () => Promise<void>;
};

/** Twilio's signature of a POST of `form` to `url`. */
export function signTwilio(authToken: string, url: string, form: URLSearchParams): string {
  const data = [...form.entries()]
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .reduce((acc, [k, v]) => acc + k + v, url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** POSTs `form` to `url` signed with `authToken` (or with `signature` as given, to test refusals). */
export async function postSigned(
  url: string,
  form: URLSearchParams,
  authToken: string,
  opts: { signature?: string | null; headers?: Record<string, string>; signedUrl?: string } = {},
): Promise<WebhookAnswer> {
  const signature = opts.signature === undefined ? signTwilio(authToken, opts.signedUrl ?? url, form) : opts.signature;
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature !== null ? { "x-twilio-signature": signature } : {}),
      ...opts.headers,
    },
    body: form.toString(),
  });
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    text: await res.text(),
    headers: res.headers,
  };
}

const MESSAGES: Record<number, string> = {
  20003: "Authenticate",
  20404: "The requested resource was not found",
  20429: "Too Many Requests",
  21211: "The 'To' number is not a valid phone number.",
  21610: "Attempt to send to unsubscribed recipient",
};

/** `respond(to)`: an error to answer for this number ({ status: 400, code: 21211 }, { status: 500 }), or null: 201. */
export async function startTwilioReceiver(respond: (to: string) => TwilioAnswer = () => null): Promise<TwilioReceiver> {
  const accountSid = `AC${randomBytes(16).toString("hex")}`;
  const authToken = randomBytes(16).toString("hex");
  const requests: TwilioRequest[] = [];
  const accepted: TwilioReceiver["accepted"] = [];
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(json));
      };
      const error = (status: number, code?: number) =>
        send(status, { code: code ?? null, message: (code && MESSAGES[code]) || "Error", status });
      if (req.headers.authorization !== expectedAuth) return error(401, 20003);
      if (req.method !== "POST" || req.url !== path) return error(404, 20404);
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) return error(400);
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const r: TwilioRequest = {
        path: req.url,
        to: form.get("To") ?? "",
        from: form.get("From"),
        service: form.get("MessagingServiceSid"),
        body: form.get("Body") ?? "",
        statusCallback: form.get("StatusCallback"),
      };
      requests.push(r);
      const answer = respond(r.to);
      if (answer) return error(answer.status, answer.code);
      const sid = `SM${randomBytes(16).toString("hex")}`;
      accepted.push({ ...r, sid });
      send(201, {
        sid,
        account_sid: accountSid,
        to: r.to,
        from: r.from,
        messaging_service_sid: r.service,
        body: r.body,
        status: "queued",
        num_segments: "1",
        direction: "outbound-api",
        api_version: "2010-04-01",
        date_created: new Date().toUTCString(),
        uri: `${path.replace(/\.json$/, "")}/${sid}.json`,
      });
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    accountSid,
    authToken,
    requests,
    accepted,
    env: {
      SMS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_FROM: "+15005550006",
      TWILIO_API_BASE_URL: url,
    },
    report: (sid, status, errorCode) => {
      const m = accepted.find((a) => a.sid === sid);
      if (!m?.statusCallback) throw new Error(`no StatusCallback for ${sid}`);
      const form = new URLSearchParams({
        AccountSid: accountSid,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        To: m.to,
        From: m.from ?? "",
        ApiVersion: "2010-04-01",
      });
      if (errorCode !== undefined) form.set("ErrorCode", String(errorCode));
      return postSigned(m.statusCallback, form, authToken);
    },
    reply: (url, from, body) =>
      postSigned(
        url,
        new URLSearchParams({
          ToCountry: "US",
          SmsMessageSid: `SM${randomBytes(16).toString("hex")}`,
          NumMedia: "0",
          MessageSid: `SM${randomBytes(16).toString("hex")}`,
          AccountSid: accountSid,
          From: from,
          To: "+15005550006",
          Body: body,
          NumSegments: "1",
          ApiVersion: "2010-04-01",
        }),
        authToken,
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
