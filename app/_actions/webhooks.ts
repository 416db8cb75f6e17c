"use server";
// Webhook settings (admin only; each action checks that itself). The services do the work and the auditing.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formFields, parseWith, requireCtx, runAction, type ActionResult, type ActionState } from "@/lib/auth/action";
import { createWebhookSchema } from "@/lib/webhooks/schema";
import {
  createWebhook,
  deleteWebhook,
  redeliver,
  sendTestEvent,
  updateWebhook,
  type WebhookDeliveryDto,
} from "@/lib/webhooks/service";

type State = ActionState<unknown>;
export type CreatedWebhook = { url: string; secret: string };
export type AttemptOutcome = { status: string; lastStatusCode: number | null; lastError: string | null };

/** lastError: the stored class (lib/webhooks/address.ts), which the page names in its language
 * (components/settings/webhooks/labels.ts); none when a status code speaks for itself. */
const outcomeOf = (d: WebhookDeliveryDto): AttemptOutcome => ({
  status: d.status,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastStatusCode ? null : d.lastError,
});

const paths = (id?: string) => {
  revalidatePath("/settings/webhooks");
  if (id) revalidatePath(`/settings/webhooks/${id}`);
};

export async function createWebhookAction(
  _prev: ActionState<CreatedWebhook>,
  formData: FormData,
): Promise<ActionResult<CreatedWebhook>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const input = parseWith(createWebhookSchema, {
      ...formFields(formData, ["description"]),
      eventTypes: formData.getAll("eventTypes"),
    });
    const created = await createWebhook(ctx, input);
    paths();
    return { url: created.url, secret: created.secret };
  });
}

export async function sendTestEventAction(
  endpointId: string,
  _prev: ActionState<AttemptOutcome>,
  _formData: FormData,
): Promise<ActionResult<AttemptOutcome>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const d = await sendTestEvent(ctx, endpointId);
    paths(endpointId);
    return outcomeOf(d);
  });
}

export async function redeliverAction(
  endpointId: string,
  deliveryId: string,
  _prev: ActionState<AttemptOutcome>,
  _formData: FormData,
): Promise<ActionResult<AttemptOutcome>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const d = await redeliver(ctx, endpointId, deliveryId);
    paths(endpointId);
    return outcomeOf(d);
  });
}

export async function setWebhookActiveAction(
  endpointId: string,
  active: boolean,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    await updateWebhook(ctx, endpointId, { active });
    paths(endpointId);
    return null;
  });
}

export async function rotateWebhookSecretAction(
  endpointId: string,
  _prev: ActionState<CreatedWebhook>,
  _formData: FormData,
): Promise<ActionResult<CreatedWebhook>> {
  return runAction(async () => {
    const ctx = await requireCtx("admin");
    const updated = await updateWebhook(ctx, endpointId, { rotateSecret: true });
    paths(endpointId);
    return { url: updated.url, secret: "secret" in updated ? updated.secret : "" };
  });
}

export async function deleteWebhookAction(
  endpointId: string,
  _prev: State,
  _formData: FormData,
): Promise<ActionResult<unknown>> {
  const result = await runAction(async () => {
    const ctx = await requireCtx("admin");
    await deleteWebhook(ctx, endpointId);
    paths();
    return null;
  });
  if (result.ok) redirect("/settings/webhooks");
  return result;
}
