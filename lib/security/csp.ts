// The Content-Security-Policy of the app's pages, with a fresh nonce per request (proxy.ts). Next.js reads
// the nonce from the request's policy header and puts it on its own scripts; 'strict-dynamic' lets those
// load the chunks they need, and nothing else runs — an injected <script> or inline handler is refused.
// Styles allow 'unsafe-inline' because React style attributes (and the charts) need it; styles cannot run
// code. frame-ancestors 'none': no other site may frame the app (clickjacking).
// The embed script (/embed.js) is not governed by this policy: it runs on customers' sites, under theirs;
// those sites allow this app's origin in their script-src and connect-src (docs/security/README.md, "Rules every
// request follows").

export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? ` 'unsafe-eval'` : ""}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for a year, sent only when the request reached us over TLS (directly or via a proxy that says so). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
