import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Resonance", template: "%s · Resonance" },
  description: "Customer experience management: customers, journeys, interactions and feedback in one place.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1f7f72",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  // The language of the user, else of the browser (lib/i18n/request-locale.ts); URLs carry none. docs/i18n.md.
  const locale = await getLocale();
  return (
    // data-scroll-behavior lets Next.js turn smooth scrolling off during route changes.
    <html lang={locale} data-scroll-behavior="smooth">
      <body className="min-h-dvh font-sans">
        {/* the shell's messages; a page adds what its own client components use (components/i18n/client-messages.tsx) */}
        <ClientMessages keys={[]} root>
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
