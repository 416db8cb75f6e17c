// A real SMTP server on a free loopback port that keeps every message it receives (smtp-server), and a small
// MIME reader for what nodemailer writes: headers (with RFC 2047 encoded words), multipart/alternative parts,
// quoted-printable and base64 bodies. Enough to check subject, recipients and the text and HTML parts.
import { SMTPServer } from "smtp-server";
import { freePort } from "../server";

export type Received = {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  headers: Map<string, string>;
  text: string | null;
  html: string | null;
};

export type SmtpSink = { port: number; url: string; messages: Received[]; stop: () => Promise<void> };

/**
 * `refuse(address)` may answer an SMTP reply code for RCPT TO (e.g. 550: no such mailbox, 451: try again later),
 * as a real server refusing a recipient would; null accepts it.
 */
export async function startSmtpSink(
  port?: number,
  opts: { refuse?: (address: string) => number | null } = {},
): Promise<SmtpSink> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = opts.refuse?.(address.address) ?? null;
      if (code === null) return callback();
      const error = new Error(code >= 500 ? "No such mailbox" : "Try again later") as Error & { responseCode: number };
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMessage(raw) });
        callback();
      });
    },
  });
  const p = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(p, "127.0.0.1", () => resolve());
  });
  return {
    port: p,
    url: `smtp://127.0.0.1:${p}`,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split(/\r\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

function decodeQuotedPrintable(s: string): string {
  // Byte by byte over the UTF-8 of the text: "=XX" is one byte, anything else is itself (a benchmark sends
  // thousands of messages through this sink, so no per-character allocation).
  const src = Buffer.from(s.replace(/=\r?\n/g, ""), "utf8");
  const out = Buffer.alloc(src.length);
  const hex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 61 && i + 2 < src.length && hex(src[i + 1]) && hex(src[i + 2])) {
      out[o++] = parseInt(String.fromCharCode(src[i + 1], src[i + 2]), 16);
      i += 2;
    } else out[o++] = src[i];
  }
  return out.subarray(0, o).toString("utf8");
}

/** RFC 2047: "=?UTF-8?Q?Weekly_CX?= =?UTF-8?B?…?=" → text. */
export function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _cs: string, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function splitHead(raw: string): [string, string] {
  const i = raw.indexOf("\r\n\r\n");
  return i < 0 ? [raw, ""] : [raw.slice(0, i), raw.slice(i + 4)];
}

function parseMessage(raw: string): Pick<Received, "subject" | "headers" | "text" | "html"> {
  const [head, body] = splitHead(raw);
  const headers = parseHeaders(head);
  const type = headers.get("content-type") ?? "text/plain";
  let text: string | null = null;
  let html: string | null = null;
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const [h, b] = splitHead(part.replace(/^\r\n/, ""));
    const ph = parseHeaders(h);
    const content = decodeBody(b.replace(/\r\n$/, ""), ph.get("content-transfer-encoding"));
    const ct = ph.get("content-type") ?? "";
    if (ct.startsWith("text/plain")) text = content;
    if (ct.startsWith("text/html")) html = content;
  }
  return { subject: decodeWords(headers.get("subject") ?? ""), headers, text, html };
}
