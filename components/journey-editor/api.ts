// Browser side of the journey editor: every write goes through the REST API (the same routes API keys use)
// and answers either the data or the problem's message with its field errors, ready to show next to fields.
import { useCallback } from "react";
import type { z, ZodType } from "zod";
import { useLocale, useTranslations } from "next-intl";
import { fieldIssueMessage } from "@/lib/i18n/field-issue";
import { localizeFields, useServiceReason } from "@/components/i18n/use-service-reason";

export type FieldErrors = Record<string, string>;
export type Sent<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors };

type Problem = { detail?: string; invalid_params?: Array<{ name: string; reason: string }> };

/** The two sentences of a failure without a problem's `detail`: no answer at all, or an answer of this status. */
export type Fallbacks = { offline: string; status: (status: number) => string };

const ENGLISH: Fallbacks = {
  offline: "Not saved: the connection failed. Try again.",
  status: (status) => `The server answered ${status}.`,
};

/**
 * One request to the REST API. A failure's message is the problem's `detail` (the API's English, by design:
 * docs/i18n.md "Errors"), else one of `words` — the page's language through `useSend`, English without it.
 */
export async function send<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  words: Fallbacks = ENGLISH,
): Promise<Sent<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.ok) return { ok: true, data: (await res.json()) as T };
    const p = (await res.json().catch(() => ({}))) as Problem;
    const fieldErrors: FieldErrors = {};
    for (const x of p.invalid_params ?? []) fieldErrors[x.name] ??= x.reason;
    return { ok: false, message: p.detail ?? words.status(res.status), fieldErrors };
  } catch {
    return { ok: false, message: words.offline, fieldErrors: {} };
  }
}

/**
 * `send` in the page's language: its fallback sentences, and the problem's detail and field errors when they are
 * texts a service throws (useServiceReason). The page provides `journeys.request` and `errors.service` (ClientMessages).
 */
export function useSend(): <T = unknown>(method: string, path: string, body?: unknown) => Promise<Sent<T>> {
  const t = useTranslations("journeys.request");
  const reason = useServiceReason();
  return useCallback(
    async <T = unknown>(method: string, path: string, body?: unknown) => {
      const sent = await send<T>(method, path, body, {
        offline: t("offline"),
        status: (status) => t("status", { status }),
      });
      if (sent.ok) return sent;
      return {
        ok: false as const,
        message: reason(sent.message),
        fieldErrors: localizeFields(sent.fieldErrors, reason),
      };
    },
    [t, reason],
  );
}

/**
 * Checks a body in the browser with the route's own schema, so errors show before a round trip. `localize` names an
 * issue in another language; without it the schema's own (English) message shows.
 */
export function check(
  schema: ZodType,
  body: unknown,
  localize?: (issue: z.core.$ZodIssue) => string,
): FieldErrors | null {
  const r = schema.safeParse(body);
  if (r.success) return null;
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) errors[issue.path.join(".") || "form"] ??= localize?.(issue) ?? issue.message;
  return errors;
}

/**
 * `check` in the page's language: English keeps the schema's messages, another language names each issue by its
 * code (lib/i18n/field-issue.ts). The page provides `errors.field` (ClientMessages).
 */
export function useCheck(): (schema: ZodType, body: unknown) => FieldErrors | null {
  const locale = useLocale();
  const t = useTranslations("errors.field");
  return (schema, body) => check(schema, body, locale === "en" ? undefined : (issue) => fieldIssueMessage(t, issue));
}
