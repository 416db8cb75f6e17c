// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routes: its request configuration (lib/i18n/request.ts) picks the language per request.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets several builds live side by side in one checkout (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // forbidden() from next/navigation: a page a role may not use answers HTTP 403 with app/(app)/forbidden.tsx
  // (lib/auth/action.ts, requireCtx) instead of failing with a 500.
  experimental: { authInterrupts: true },
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "bcryptjs",
    "@node-rs/argon2",
    // Text analytics (lib/text/vendor.ts) loads these CommonJS packages and their word lists with require at
    // run time, from node_modules.
    "sentiment",
    "@nlpjs/lang-de",
    "wink-eng-lite-web-model",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // next-auth's own HTML pages (/api/auth/error, /api/auth/signout) are rendered outside proxy.ts: a fixed
        // policy without scripts (they need none) so that no HTML answer goes without one (docs/security/errors.md).
        source: "/api/auth/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
          },
        ],
      },
      {
        // Sites that isolate themselves (COEP) may still load the widget. The unversioned URL of older snippets
        // is cached briefly; the versioned one (/embed/<version>.js, lib/surveys/embed-asset.ts) for a year.
        source: "/embed.js",
        headers: [
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
          { key: "Cache-Control", value: "public, max-age=300" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
