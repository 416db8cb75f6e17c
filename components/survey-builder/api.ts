// Browser side of the builder API: JSON in, the survey or a problem's field errors out. Field errors keep
// the problem's paths ("questions.2.text.de", "touchpointId") so each input can find its own message.
import { useCallback } from "react";
import type { SurveyDetail } from "@/lib/surveys/builder";
import { localizeFields, useServiceReason } from "@/components/i18n/use-service-reason";

/** `message`: the problem's detail (the API's, English by design: docs/i18n.md "Errors"); null when the server could
 * not be reached (`status` 0) or sent no problem — the editor words those in the page's language (`failureText`). */
export type SaveResult =
  | { ok: true; survey: SurveyDetail }
  | { ok: false; message: string | null; status: number; fieldErrors: Record<string, string> };

export async function sendSurvey(method: "POST" | "PATCH" | "PUT", url: string, body?: unknown): Promise<SaveResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: null, status: 0, fieldErrors: {} };
  }
  const data = (await res.json().catch(() => null)) as
    (SurveyDetail & { detail?: string; invalid_params?: { name: string; reason: string }[] }) | null;
  if (res.ok && data) return { ok: true, survey: data };
  const fieldErrors: Record<string, string> = {};
  for (const p of data?.invalid_params ?? []) fieldErrors[p.name] ??= p.reason;
  return { ok: false, message: data?.detail ?? null, status: res.status, fieldErrors };
}

/**
 * `sendSurvey` with the problem's detail and field errors in the page's language where they are texts a service
 * throws (useServiceReason; the page provides `errors.service`).
 */
export function useSendSurvey(): typeof sendSurvey {
  const reason = useServiceReason();
  return useCallback(
    async (method: "POST" | "PATCH" | "PUT", url: string, body?: unknown) => {
      const res = await sendSurvey(method, url, body);
      if (res.ok) return res;
      return {
        ...res,
        message: res.message && reason(res.message),
        fieldErrors: localizeFields(res.fieldErrors, reason),
      };
    },
    [reason],
  );
}

type Translate = (key: "offline" | "serverStatus", values?: { status: number }) => string;

/** The sentence for a failed save: the problem's detail, else "could not be reached" / "answered 502". */
export function failureText(res: { message: string | null; status: number }, t: Translate): string {
  return res.message ?? (res.status === 0 ? t("offline") : t("serverStatus", { status: res.status }));
}
