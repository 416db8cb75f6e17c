"use server";
// Campaigns (managers and admins; docs/distribution.md "Campaigns"): create one from the page's form, and pause,
// resume or cancel it. The services validate, scope to the organization and audit.
import { revalidatePath } from "next/cache";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { createCampaignSchema } from "@/lib/campaigns/schema";
import { isTimeZone, zonedTime } from "@/lib/campaigns/window";
import { organizationTimeZone } from "@/lib/campaigns/contact-rule-service";
import { changeCampaignStatus, createCampaign, type CampaignAction } from "@/lib/campaigns/service";

const PAGE = "/surveys/campaigns";

/** The form's fields; blank optional ones mean "not given" (start now, one wave, the default subject). */
export async function createCampaignAction(
  _prev: ActionState<{ id: string }>,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    const fields = formFields(form, ["startAt", "repeatEveryDays", "subject", "timeZone"]);
    // The start is a wall-clock time (datetime-local) in the campaign's time zone, as the form says: an empty one
    // is the organization's.
    const tz = fields.timeZone ?? (await organizationTimeZone(ctx.orgId));
    const startAt =
      fields.startAt && isTimeZone(tz) ? (zonedTime(fields.startAt, tz) ?? fields.startAt) : fields.startAt;
    const body = parseWith(createCampaignSchema, { ...fields, startAt });
    const c = await createCampaign(ctx, body);
    revalidatePath(PAGE);
    return { id: c.id };
  });
}

export async function changeCampaignStatusAction(
  id: string,
  action: CampaignAction,
  _prev: ActionState<unknown>,
  _form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireCtx("manager");
    await changeCampaignStatus(ctx, id, action);
    revalidatePath(PAGE, "layout"); // the list and the campaign's own page
    return null;
  });
}
