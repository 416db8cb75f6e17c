import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { IntlProvider } from "@/components/i18n/intl-provider";
import type { Messages } from "@/lib/i18n/catalogues";
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
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return (
    // data-scroll-behavior lets Next.js turn smooth scrolling off during route changes.
    <html lang={locale} data-scroll-behavior="smooth">
      <body className="min-h-dvh font-sans">
        <IntlProvider locale={locale} messages={messages as Messages} timeZone={timeZone}>
          {children}
        </IntlProvider>
      </body>
    </html>
  );
}
