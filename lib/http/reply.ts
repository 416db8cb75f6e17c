// A handler's return value: plain data (200 JSON), or `reply(data, status)` for another status. Its own
// module so that the public wrapper (and the fast ingestion server bundled from it) need not load the
// authentication code of handler.ts, which re-exports it.
export function reply(data: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/json");
  h.set("cache-control", "no-store");
  return new Response(status === 204 ? null : JSON.stringify(data), { status, headers: h });
}
