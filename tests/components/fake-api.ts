// A stand-in for the server in component tests: `fetch` is replaced by a small router that records every
// request and answers from handlers written to match the real API's answers (JSON bodies, problem+json with
// `detail` and `invalid_params` for errors). The real routes are covered by the integration tests over HTTP;
// here only the component's side of the conversation is under test.
import { vi } from "vitest";

export type Sent = { method: string; path: string; body: unknown; raw: BodyInit | null | undefined };
type Answer = { status?: number; json?: unknown; text?: string } | "network-error";
type Handler = (req: Sent, match: RegExpMatchArray) => Answer | Promise<Answer>;

export function problem(status: number, detail: string, invalid: Record<string, string> = {}): Answer {
  return {
    status,
    json: {
      type: "about:blank",
      title: detail,
      status,
      detail,
      invalid_params: Object.entries(invalid).map(([name, reason]) => ({ name, reason, in: "body" })),
    },
  };
}

export function fakeApi() {
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const requests: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://resonance.test");
    const method = (init.method ?? "GET").toUpperCase();
    const raw = init.body;
    let body: unknown = raw;
    if (typeof raw === "string") {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const req: Sent = { method, path: url.pathname + url.search, body, raw };
    requests.push(req);
    for (const r of routes) {
      const m = r.method === method ? req.path.match(r.pattern) : null;
      if (!m) continue;
      const answer = await r.handler(req, m);
      if (answer === "network-error") throw new TypeError("Failed to fetch");
      const status = answer.status ?? 200;
      const text = answer.text ?? (answer.json === undefined ? "" : JSON.stringify(answer.json));
      return new Response(text, {
        status,
        headers: {
          "content-type":
            answer.text !== undefined
              ? "application/x-ndjson"
              : status >= 400
                ? "application/problem+json"
                : "application/json",
        },
      });
    }
    return new Response(JSON.stringify({ detail: `No fake for ${method} ${req.path}` }), { status: 404 });
  });
  vi.stubGlobal("fetch", fetch);
  return {
    requests,
    /** Answer `method` requests whose path (with query) matches `pattern`; later routes win over earlier ones. */
    on(method: string, pattern: RegExp, handler: Handler) {
      routes.unshift({ method, pattern, handler });
    },
    sent(method: string, pattern: RegExp) {
      return requests.filter((r) => r.method === method && pattern.test(r.path));
    },
  };
}
