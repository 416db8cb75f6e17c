// RFC 9457 problem details: every error the API returns has this shape and content type.
import type { InvalidParam } from "../errors";
import { withText } from "./reply";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  invalid_params?: InvalidParam[];
};

export function problemResponse(p: Omit<Problem, "type"> & { type?: string }, headers?: HeadersInit): Response {
  const body: Problem = { type: p.type ?? "about:blank", ...p };
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json");
  h.set("x-request-id", p.requestId);
  h.set("cache-control", "no-store");
  return withText(JSON.stringify(body), p.status, h);
}
