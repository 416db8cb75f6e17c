// Runs before every page (not the API, static files or the embed script; see the matcher): a fresh CSP
// nonce per request (lib/security/csp.ts), HSTS when the request came over TLS.
// Also refuses paths with broken percent-encoding ("/api/v1/customers/%ff") with a 400: Next 16 would answer
// them with a plain-text 500 (its router throws a DecodeError and then fails to render a /400 page).
import { NextResponse, type NextRequest } from "next/server";
import { problemResponse } from "@/lib/http/problem";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/csp";
import { ScimError, scimErrorResponse } from "@/lib/scim/errors";

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (malformedPath(pathname)) {
    const requestId = crypto.randomUUID();
    const detail = "The URL path is not valid percent-encoded UTF-8.";
    if (pathname.startsWith("/scim/")) return scimErrorResponse(new ScimError(400, detail, "invalidSyntax"));
    return pathname.startsWith("/api/")
      ? problemResponse({
          title: "Invalid request",
          status: 400,
          detail,
          instance: pathname,
          requestId,
          invalid_params: [{ name: "path", reason: detail, in: "path" }],
        })
      : new NextResponse(detail, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/") || pathname.startsWith("/scim/")) return NextResponse.next(); // API responses carry no page policy
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https =
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy); // Next.js takes the nonce for its scripts from here
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    // API paths only when they hold a percent sign: the check above; everything else never enters here.
    "/api/(.*%.*)",
    "/scim/(.*%.*)",
    // Pages only: API routes (and SCIM, /scim/v2) answer JSON (their headers come from next.config.js), static assets and
    // /embed.js are files (favicon.ico and robots.txt are not: their 404 is a page). Prefetches (Next-Router-Prefetch,
    // Purpose: prefetch) and RSC requests too: a prefetched page is a whole HTML document the browser may show, and
    // without this it would carry no policy at all.
    "/((?!api/|scim/|_next/static|_next/image|embed.js).*)",
  ],
};
