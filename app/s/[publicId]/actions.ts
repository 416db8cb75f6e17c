"use server";
// The hosted survey page's submit. Public by design (respondents have no account): like the public API it
// knows only the survey's publicId, and the service derives the organization from the survey, rate-limits,
// validates and stores idempotently.
import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { formResultFromError, type SurveyFormResult } from "@/lib/surveys/form-result";
import { publicIdParams, publicResponseInput } from "@/lib/surveys/public-schema";
import { submitPublicResponse } from "@/lib/surveys/public-service";
import { uiText } from "@/lib/surveys/ui-text";

export async function submitHostedSurvey(publicId: string, raw: unknown): Promise<SurveyFormResult> {
  const input = publicResponseInput.safeParse(raw);
  const locale = input.success ? (input.data.locale ?? "en") : "en";
  if (!input.success || !publicIdParams.safeParse({ publicId }).success) {
    return { ok: false, reason: "error", message: uiText(locale).genericError, fieldErrors: {} };
  }
  try {
    const h = await headers();
    const { response } = await submitPublicResponse(publicId, input.data, {
      userAgent: h.get("user-agent"),
      ip: clientIp(h),
    });
    // The resume token goes back only to this tab (the form keeps it in sessionStorage for its next submit).
    return {
      ok: true,
      completed: response.completed,
      ...("resumeToken" in response ? { resumeToken: response.resumeToken } : {}),
    };
  } catch (error) {
    return formResultFromError(error, locale);
  }
}
