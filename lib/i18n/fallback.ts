// What a missing or broken message does. It is shown as ⟦namespace.key⟧ — never as a plausible word — so the
// browser suite's key guard (tests/e2e/i18n.spec.ts) and anyone looking see it; outside production the error is
// also thrown, so a component test or `next dev` fails at once. Used by the server (lib/i18n/request.ts) and the
// client provider (components/i18n/intl-provider.tsx). docs/i18n.md, "Missing keys".
import type { IntlError } from "next-intl";

export const MISSING_OPEN = "\u27e6";
export const MISSING_CLOSE = "\u27e7";

export function messageFallback({ namespace, key }: { namespace?: string; key: string }): string {
  return `${MISSING_OPEN}${namespace ? `${namespace}.` : ""}${key}${MISSING_CLOSE}`;
}

export function onIntlError(error: IntlError): void {
  if (process.env.NODE_ENV !== "production") throw error;
  console.error(`[i18n] ${error.code}: ${error.message}`);
}
