// A real HTTP receiver for webhook tests, on 127.0.0.1: records every request (headers, exact body) and
// answers each path by a script — a list of statuses used one per request, the last one repeated — with an
// optional delay. `verified()` checks each request's Standard Webhooks signature with the endpoint secret.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../lib/webhooks/signature";

export type Received = {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  contentType: string;
  body: string;
  at: number;
};
type Script = { statuses: number[]; delayMs?: number; headers?: Record<string, string> };

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export async function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Script>();
  const served = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const h = (name: string) => String(req.headers[name] ?? "");
      received.push({
        path,
        id: h("webhook-id"),
        timestamp: h("webhook-timestamp"),
        signature: h("webhook-signature"),
        contentType: h("content-type"),
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      });
      const script = scripts.get(path) ?? { statuses: [200] };
      const n = served.get(path) ?? 0;
      served.set(path, n + 1);
      const status = script.statuses[Math.min(n, script.statuses.length - 1)];
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/plain", ...script.headers });
        res.end(status < 300 ? "thanks" : `receiver says ${status}`);
      }, script.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    script(path: string, script: Script) {
      scripts.set(path, script);
    },
    at(path: string) {
      return received.filter((r) => r.path === path);
    },
    /** Requests to this path whose signature verifies with the secret over the exact body. */
    verified(path: string, secret: string) {
      return this.at(path).filter((r) =>
        verifyWebhook(secret, { id: r.id, timestamp: r.timestamp, signature: r.signature }, r.body),
      );
    },
    async waitFor(path: string, count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (this.at(path).length < count) {
        if (Date.now() > deadline)
          throw new Error(`receiver: ${this.at(path).length} of ${count} requests to ${path} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return this.at(path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
