// Browser side of the builder API: JSON in, the survey or a problem's field errors out. Field errors keep
// the problem's paths ("questions.2.text.de", "touchpointId") so each input can find its own message.
import type { SurveyDetail } from "@/lib/surveys/builder";

export type SaveResult =
  { ok: true; survey: SurveyDetail } | { ok: false; message: string; fieldErrors: Record<string, string> };

export async function sendSurvey(method: "POST" | "PATCH" | "PUT", url: string, body?: unknown): Promise<SaveResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      message: "The server could not be reached. Check the connection and try again.",
      fieldErrors: {},
    };
  }
  const data = (await res.json().catch(() => null)) as
    (SurveyDetail & { detail?: string; invalid_params?: { name: string; reason: string }[] }) | null;
  if (res.ok && data) return { ok: true, survey: data };
  const fieldErrors: Record<string, string> = {};
  for (const p of data?.invalid_params ?? []) fieldErrors[p.name] ??= p.reason;
  return { ok: false, message: data?.detail ?? `The server answered ${res.status}.`, fieldErrors };
}
