// A handler's return value: plain data (200 JSON), or `reply(data, status)` for another status. Its own
// module so that the public wrapper (and the fast ingestion server bundled from it) need not load the
// authentication code of handler.ts, which re-exports it.
export function reply(data: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json");
  h.set("cache-control", "no-store");
  return withText(status === 204 ? null : JSON.stringify(data), status, h);
}

/**
 * The body text of the responses made here and in problem.ts: the custom server (server/fast-routes.ts)
 * writes it out directly instead of reading the Response's body stream, which costs more than the rest.
 */
export const bodyText = new WeakMap<Response, string>();

export function withText(text: string | null, status: number, headers: Headers): Response {
  const response = new Response(text, { status, headers });
  if (text !== null) bodyText.set(response, text);
  return response;
}
