// Runs before every page (not the API, static files or the embed script; see the matcher): a fresh CSP
// nonce per request (lib/security/csp.ts), HSTS when the request came over TLS.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
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
    {
      // Pages only: API routes answer JSON (their headers come from next.config.js), static assets and
      // /embed.js are files. Prefetches are skipped: they reuse the page's nonce.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|embed.js|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
