// The words of webhook events and failed attempts in the page's language ("settings.webhookEvents",
// "settings.webhookFailures"); the API and the stored values keep their English types and classes
// (lib/webhooks/events.ts, lib/webhooks/address.ts).
import { useTranslations } from "next-intl";
import type { WebhookEventType } from "@/lib/webhooks/events";
import type { AttemptFailure } from "@/lib/webhooks/address";

const EVENT_KEYS: Record<WebhookEventType, "response_created" | "case_opened" | "case_resolved"> = {
  "response.created": "response_created",
  "case.opened": "case_opened",
  "case.resolved": "case_resolved",
};

// Every class (a new one fails the type check until it has words).
const FAILURES: Record<AttemptFailure, true> = {
  http_error: true,
  redirect: true,
  timeout: true,
  refused: true,
  tls: true,
  unreachable: true,
  blocked: true,
  insecure: true,
  invalid: true,
  secret_unreadable: true,
};

/** The catalogue key of an event type; none for an unknown one (older, or the test event), which reads as itself. */
export const eventKey = (type: string) =>
  EVENT_KEYS[type as WebhookEventType] as (typeof EVENT_KEYS)[WebhookEventType] | undefined;

/** The catalogue key of a stored failure class: older or unknown values are the generic "other". */
export const failureKey = (error: string): AttemptFailure | "other" =>
  Object.hasOwn(FAILURES, error) ? (error as AttemptFailure) : "other";

/** An event type's name and description (client and synchronous server components). */
export function useEventWords() {
  const t = useTranslations("settings.webhookEvents");
  return {
    label: (type: string) => {
      const k = eventKey(type);
      return k ? t(`${k}.label`) : type;
    },
    description: (type: string) => {
      const k = eventKey(type);
      return k ? t(`${k}.description`) : "";
    },
  };
}

/** A stored failure class as words; null as null. */
export function useFailureLabel() {
  const t = useTranslations("settings.webhookFailures");
  return (error: string | null): string | null => (error === null ? null : t(failureKey(error)));
}
