"use server";
// Weekly digest actions: its settings (admins only) and "Send me this now" (managers and admins).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { enforce } from "@/lib/rate-limit/service";
import { digestSettingsForm } from "@/lib/digest/settings";
import { updateDigestSettings } from "@/lib/digest/settings-service";
import { sendDigestToMember } from "@/lib/digest/send";
import { mailerFromUrl, smtpUrlFromEnv } from "@/lib/mail/transport";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function updateDigestSettingsAction(
  _prev: ActionState<null>,
  formData: FormData,
): Promise<ActionResult<null>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(digestSettingsForm, {
      enabled: formData.get("enabled") === "on",
      weekday: formData.get("weekday") ?? "",
      hour: formData.get("hour") ?? "",
      recipientsMode: formData.get("recipientsMode") ?? "",
      recipients: formData.getAll("recipients").filter((v): v is string => typeof v === "string"),
    });
    await updateDigestSettings(ctx, input);
    revalidatePath("/settings");
    revalidatePath("/reports/digest");
    return null;
  });
}

const sendMeSchema = z.object({
  weekEnding: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use an ISO date: YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a valid date"),
});

export async function sendDigestToMeAction(
  _prev: ActionState<unknown>,
  formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const { weekEnding } = parseWith(sendMeSchema, { weekEnding: formData.get("weekEnding") ?? "" });
    const url = smtpUrlFromEnv();
    if (!url)
      throw new AppError(
        503,
        "E-mail not configured",
        "E-mail is not set up on this server (DIGEST_SMTP_URL); ask your administrator.",
      );
    // A person asking for their own copy a few times is fine; a stuck key is not.
    await enforce([{ key: `digest-send-me:${ctx.userId}`, limit: 5, windowMs: 3_600_000 }]);
    const mailer = mailerFromUrl(url);
    try {
      // in the language of the page asked from: the member's saved one, else their browser's (docs/i18n.md)
      const locale = await requestLocale();
      return await sendDigestToMember(ctx, new Date(`${weekEnding}T00:00:00Z`), mailer, new Date(), locale);
    } finally {
      mailer.close();
    }
  });
}
